<?php
/**
 * Base test case: a database transaction per test, and REST helpers.
 */

use PHPUnit\Framework\TestCase;

abstract class WordPressTestCase extends TestCase {

	protected function setUp(): void {
		global $wpdb;
		$wpdb->query( 'START TRANSACTION' );
		wp_set_current_user( 0 );
		// Settings changes must not reach the real bridge from unit tests.
		foreach ( array( 'ccb_level', 'ccb_threshold', 'ccb_shop_name', 'ccb_seller', 'ccb_invoice_prefix', 'ccb_connection' ) as $option ) {
			remove_all_actions( "update_option_{$option}" );
			remove_all_actions( "add_option_{$option}" );
		}
	}

	protected function tearDown(): void {
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		wp_cache_flush();
		wp_set_current_user( 0 );
	}

	/**
	 * Runs a request through the REST server, as WordPress would for an HTTP request.
	 *
	 * @param array<string, string> $headers Headers.
	 */
	protected function rest( string $method, string $route, $body = null, array $headers = array() ): WP_REST_Response {
		$request = new WP_REST_Request( $method, $route );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( is_string( $body ) ? $body : wp_json_encode( $body ) );
		}
		return rest_get_server()->dispatch( $request );
	}

	protected function as_role( string $role ): int {
		$user = wp_insert_user(
			array(
				'user_login' => $role . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
				'role'       => $role,
			)
		);
		wp_set_current_user( $user );
		return $user;
	}
}
