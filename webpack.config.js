// wp-scripts' own configuration, plus the admin screens as extra entries beside the blocks it finds
// through block.json. Sources live in blocks/, output in plugin/build/ (see package.json scripts).
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

module.exports = {
	...defaultConfig,
	// The contract is the product's centre: the browser code imports it by name, never by a path into
	// the bridge's sources.
	resolve: {
		...defaultConfig.resolve,
		alias: {
			...defaultConfig.resolve?.alias,
			'@ccb/contract': path.resolve( __dirname, 'bridge/src/contract' ),
		},
	},
	entry: () => ( {
		...defaultConfig.entry(),
		'admin-settings': path.resolve(
			__dirname,
			'blocks/admin/settings/index.tsx'
		),
		'admin-payments': path.resolve(
			__dirname,
			'blocks/admin/payments/index.tsx'
		),
		'admin-customers': path.resolve(
			__dirname,
			'blocks/admin/customers/index.tsx'
		),
		'woocommerce-payment-method': path.resolve(
			__dirname,
			'blocks/woocommerce/index.tsx'
		),
	} ),
};
