// WordPress's Prettier style, as @wordpress/scripts formats code, for every TypeScript and JavaScript file.
module.exports = require( '@wordpress/prettier-config' );
