import express from 'express';
import type { BridgeContext } from './context';
import { jsonBody } from './http/body';
import { errorHandler, notFound } from './http/errors';
import { inputGuard } from './http/inputGuard';
import { openApiDocument } from './http/openapi';
import { requestId } from './http/requestId';
import { checkoutRoutes } from './http/routes/checkouts';
import { customerRoutes } from './http/routes/customers';
import { healthRoutes } from './http/routes/health';
import { invoiceRoutes } from './http/routes/invoices';
import { processorWebhookRoutes } from './http/routes/processorWebhooks';
import { shopRoutes } from './http/routes/shop';
import { requireShop } from './http/shopAuth';
import { sandboxApi } from './processors/sandbox/api';
import { sandboxPages } from './processors/sandbox/page';

/** The HTTP edge: routes parse and answer; the domain decides; the store persists. */
export function createApp( ctx: BridgeContext ): express.Express {
	const app = express();
	app.disable( 'x-powered-by' );
	app.set( 'etag', false );
	app.use( requestId );

	if ( ctx.config.SANDBOX === 'on' ) {
		const deps = { db: ctx.db, log: ctx.log, publicUrl: ctx.publicUrl };
		app.use( '/sandbox/api/v1', sandboxApi( deps ) );
		app.use( '/sandbox', sandboxPages( deps ) );
	}

	app.use( '/health', healthRoutes( ctx ) );
	const document = openApiDocument();
	app.get( '/openapi.json', ( _req, res ) => void res.json( document ) );
	app.use( '/processor-webhooks', processorWebhookRoutes( ctx ) );
	app.use( jsonBody( ctx.config.BODY_LIMIT_BYTES ), inputGuard );

	const shopApi = express.Router();
	shopApi.use( requireShop( ctx ) );
	shopApi.use( '/shop', shopRoutes( ctx ) );
	shopApi.use( '/checkouts', checkoutRoutes( ctx ) );
	shopApi.use( '/customers', customerRoutes( ctx ) );
	shopApi.use( '/invoices', invoiceRoutes( ctx ) );
	app.use( '/v1', shopApi );

	app.use( notFound );
	app.use( errorHandler( ctx.log ) );
	return app;
}
