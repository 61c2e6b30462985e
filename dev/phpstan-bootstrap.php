<?php
/**
 * Constants WordPress defines at run time, for PHPStan.
 *
 * @package CryptoCustomerBridge
 */

define( 'ABSPATH', __DIR__ . '/' );
define( 'WP_PLUGIN_DIR', __DIR__ );
define( 'ARRAY_A', 'ARRAY_A' );
