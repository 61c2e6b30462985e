<?php
/**
 * Router for PHP's built-in server: real files are served as they are, everything else goes to
 * WordPress (pretty permalinks, /wp-json/).
 */
$ccb_path = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
$ccb_file = $_SERVER['DOCUMENT_ROOT'] . $ccb_path;
if ( '/' !== $ccb_path && ( is_file( $ccb_file ) || is_file( rtrim( $ccb_file, '/' ) . '/index.php' ) ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
