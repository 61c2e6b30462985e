<?php
/**
 * Test helper: runs PHP code inside a loaded WordPress site (plugins active) and prints its JSON result.
 * Usage: php eval.php SITE_DIR URL 'return get_option( "x" );'
 */
$_SERVER['HTTP_HOST']   = parse_url( $argv[2], PHP_URL_HOST ) . ':' . parse_url( $argv[2], PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
echo wp_json_encode( eval( $argv[3] ) ); // phpcs:ignore Squiz.PHP.Eval -- a local test helper.
