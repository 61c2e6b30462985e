<?php

final class PermissionsTest extends WordPressTestCase {

	/**
	 * @dataProvider admin_routes
	 */
	public function test_admin_routes_need_manage_options( string $method, string $route ): void {
		$this->assertSame( 401, $this->rest( $method, $route )->get_status(), 'logged out' );
		$this->as_role( 'editor' );
		$this->assertSame( 403, $this->rest( $method, $route )->get_status(), 'editor' );
	}

	public function admin_routes(): array {
		return array(
			array( 'GET', '/ccb/v1/connection' ),
			array( 'POST', '/ccb/v1/connection/test' ),
			array( 'GET', '/ccb/v1/admin/checkouts' ),
			array( 'GET', '/ccb/v1/admin/checkouts/00000000-0000-4000-8000-000000000000' ),
			array( 'GET', '/ccb/v1/admin/activity' ),
		);
	}

	public function test_an_admin_reads_payments_through_the_signed_proxy(): void {
		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', '/ccb/v1/admin/checkouts' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertArrayHasKey( 'items', $response->get_data() );
	}

	public function test_saving_a_bad_connection_string_changes_nothing(): void {
		$this->as_role( 'administrator' );
		$before   = get_option( 'ccb_connection' );
		$response = $this->rest( 'POST', '/ccb/v1/connection', array( 'connectionString' => 'https://example.com' ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( $before, get_option( 'ccb_connection' ) );
	}

	public function test_the_public_checkout_route_needs_a_nonce(): void {
		$response = $this->rest( 'POST', '/ccb/v1/checkouts', array( 'postId' => 1, 'blockId' => 'demo-block-0001', 'attempt' => 'attempt-0001' ) );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'ccb_bad_nonce', $response->get_data()['code'] );
	}

	public function test_the_public_checkout_route_is_rate_limited(): void {
		$_SERVER['REMOTE_ADDR'] = '203.0.113.' . wp_rand( 1, 254 );
		$nonce                  = wp_create_nonce( 'wp_rest' );
		$statuses               = array();
		for ( $i = 0; $i < 11; $i++ ) {
			$statuses[] = $this->rest( 'POST', '/ccb/v1/checkouts', array( 'postId' => 999999, 'blockId' => 'missing-block', 'attempt' => 'attempt-000' . $i ), array( 'X-WP-Nonce' => $nonce ) )->get_status();
		}
		$this->assertSame( array_fill( 0, 10, 404 ), array_slice( $statuses, 0, 10 ), 'unknown block: 404, not a charge' );
		$this->assertSame( 429, $statuses[10] );
	}

	public function test_amounts_come_from_the_saved_block_never_the_browser(): void {
		$_SERVER['REMOTE_ADDR'] = '198.51.100.' . wp_rand( 1, 254 );
		$page                   = get_page_by_path( 'pay' );
		$nonce                  = wp_create_nonce( 'wp_rest' );
		$response               = $this->rest(
			'POST',
			'/ccb/v1/checkouts',
			array(
				'postId'        => $page->ID,
				'blockId'       => 'demo-block-0001',
				'attempt'       => 'attempt-' . wp_generate_password( 12, false ),
				'customer'      => array( 'firstName' => 'Eve', 'lastName' => 'Mallory', 'email' => 'eve@example.com', 'isAdmin' => 'yes' ),
				'expectedTotal' => '0.01',
				'lineItems'     => array( array( 'description' => 'Free', 'netAmount' => '0.01', 'quantity' => 1 ) ),
			),
			array( 'X-WP-Nonce' => $nonce )
		);
		$this->assertSame( 200, $response->get_status(), wp_json_encode( $response->get_data() ) );
		$this->assertMatchesRegularExpression( '~/sandbox/checkout/[a-z0-9]{12}$~', $response->get_data()['redirectUrl'] );
		$client   = ( new CryptoCustomerBridge\Settings() )->client();
		$checkout = $client->request( 'GET', '/v1/checkouts?limit=1' )['items'][0];
		$this->assertSame( '64.97', $checkout['total'] );
		$this->assertSame( 'eve@example.com', $checkout['customer']['email'] );
	}

	public function test_drafts_and_unknown_blocks_cannot_be_charged(): void {
		$draft = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'draft',
				'post_title'   => 'Draft',
				'post_content' => '<!-- wp:crypto-customer-bridge/checkout {"blockId":"draft-block-01","items":[{"description":"x","amount":"1.00","quantity":1}],"total":"1.00"} /-->',
			)
		);
		$this->assertNull( CryptoCustomerBridge\Blocks\CheckoutBlock::find_in_post( $draft, 'draft-block-01' ) );
		wp_update_post( array( 'ID' => $draft, 'post_status' => 'publish' ) );
		$found = CryptoCustomerBridge\Blocks\CheckoutBlock::find_in_post( $draft, 'draft-block-01' );
		$this->assertSame( 'EUR', $found['currency'], 'the default currency applies when the markup omits it' );
		$this->assertNull( CryptoCustomerBridge\Blocks\CheckoutBlock::find_in_post( $draft, 'other-block-01' ) );
		$this->assertSame( array( array( 'description' => 'x', 'netAmount' => '1.00', 'quantity' => 1 ) ), CryptoCustomerBridge\Blocks\CheckoutBlock::line_items( $found ) );
	}
}
