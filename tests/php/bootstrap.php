<?php
/**
 * Loads the test WordPress site (CCB_SITE, CCB_URL) with the plugin active: the tests exercise the
 * plugin inside real WordPress and a real MariaDB, each test in a transaction rolled back after it.
 */

$ccb_site = getenv( 'CCB_SITE' );
$ccb_url  = getenv( 'CCB_URL' );
if ( ! $ccb_site || ! $ccb_url ) {
	fwrite( STDERR, "Set CCB_SITE and CCB_URL (tests/run.mjs does) to a provisioned test site.\n" );
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = parse_url( $ccb_url, PHP_URL_HOST ) . ':' . parse_url( $ccb_url, PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
require $ccb_site . '/wp-load.php';
require __DIR__ . '/WordPressTestCase.php';
