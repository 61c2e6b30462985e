import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';
import metadata from './block.json';
import Edit from './edit';
import './style.css';

registerBlockType( metadata as unknown as BlockConfiguration, {
	edit: Edit as unknown as BlockConfiguration[ 'edit' ],
	// Rendered on the server (render.php): the amounts are read from the saved block there.
	save: () => null,
} );
