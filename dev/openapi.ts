// Writes bridge/openapi.json from the bridge's zod schemas (`npm run openapi`). A test fails when the
// committed file and the schemas disagree.
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../bridge/src/http/openapi';

writeFileSync(
	'bridge/openapi.json',
	JSON.stringify( openApiDocument(), null, 2 ) + '\n'
);
