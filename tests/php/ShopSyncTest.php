<?php

use CryptoCustomerBridge\Bridge\Connection;
use CryptoCustomerBridge\Settings;
use CryptoCustomerBridge\ShopSync;

/**
 * Against the real bridge's demo shop: the bridge's copy is put back after each test.
 */
final class ShopSyncTest extends WordPressTestCase {

	/** @var array<string, mixed> */
	private $bridge_shop;

	protected function setUp(): void {
		parent::setUp();
		$this->bridge_shop = ( new Settings() )->client()->request( 'GET', '/v1/shop' )['shop'];
	}

	protected function tearDown(): void {
		( new Settings() )->client()->request(
			'PATCH',
			'/v1/shop',
			array(
				'name'      => $this->bridge_shop['name'],
				'level'     => $this->bridge_shop['level'],
				'threshold' => $this->bridge_shop['threshold'],
			)
		);
		remove_all_filters( 'pre_http_request' );
		parent::tearDown();
	}

	public function test_connecting_to_a_shop_adopts_its_level_threshold_and_name(): void {
		$settings   = new Settings();
		$connection = $settings->connection();
		$settings->client()->request(
			'PATCH',
			'/v1/shop',
			array(
				'name'      => 'Compliant Corner',
				'level'     => 'compliant',
				'threshold' => null,
			)
		);
		// A site whose own settings say otherwise, connecting for the first time.
		update_option( Settings::LEVEL, 'minimal' );
		update_option(
			Settings::THRESHOLD,
			array(
				'amount'   => '500',
				'currency' => 'EUR',
			)
		);
		delete_option( Settings::CONNECTION );

		$result = ( new ShopSync( $settings ) )->connect( $connection );

		$this->assertIsArray( $result );
		$this->assertSame( 'compliant', $settings->level() );
		$this->assertNull( $settings->threshold() );
		$this->assertSame( 'Compliant Corner', $settings->shop_name() );
		$shop = $settings->client()->request( 'GET', '/v1/shop' )['shop'];
		$this->assertSame( 'compliant', $shop['level'], 'the bridge kept its level' );
		$this->assertSame( 'Compliant Corner', $shop['name'] );
		$this->assertSame( rest_url( 'ccb/v1/events' ), $shop['eventUrl'] );
		$this->assertTrue( get_option( Settings::SYNC_STATUS )['ok'] );
	}

	public function test_the_same_shop_again_sends_this_sites_settings(): void {
		$settings = new Settings();
		update_option( Settings::LEVEL, 'compliant' );
		$result = ( new ShopSync( $settings ) )->connect( $settings->connection() );
		$this->assertSame( 'compliant', $result['shop']['level'] );
	}

	public function test_a_changed_setting_is_sent_alone(): void {
		$sent = array();
		add_filter(
			'pre_http_request',
			static function ( $pre, $args, $url ) use ( &$sent ) {
				if ( 'PATCH' === $args['method'] ) {
					$sent[] = json_decode( $args['body'], true );
				}
				return $pre;
			},
			10,
			3
		);
		( new ShopSync( new Settings() ) )->register();
		update_option( Settings::LEVEL, 'none' === get_option( Settings::LEVEL ) ? 'minimal' : 'none' );
		$this->assertCount( 1, $sent );
		$this->assertSame( array( 'level', 'eventUrl' ), array_keys( $sent[0] ) );
	}

	public function test_the_seller_and_prefix_entered_here_are_what_the_bridges_invoices_print(): void {
		( new ShopSync( new Settings() ) )->register();
		update_option(
			Settings::SELLER,
			array(
				'name'    => 'Teehaus Øresund GmbH',
				'address' => "Hafenstraße 1\n20457 Hamburg",
				'taxId'   => 'DE999999999',
			)
		);
		update_option( Settings::INVOICE_PREFIX, 'TH-' );
		$shop = ( new Settings() )->client()->request( 'GET', '/v1/shop' )['shop'];
		$this->assertEquals(
			array(
				'name'    => 'Teehaus Øresund GmbH',
				'address' => "Hafenstraße 1\n20457 Hamburg",
				'taxId'   => 'DE999999999',
			),
			$shop['seller']
		);
		$this->assertSame( 'TH-', $shop['invoicePrefix'] );
		// Put the bridge's copy back for the other tests.
		( new Settings() )->client()->request(
			'PATCH',
			'/v1/shop',
			array(
				'seller'        => null,
				'invoicePrefix' => 'INV-',
			)
		);
	}

	public function test_a_bridge_that_cannot_be_reached_leaves_the_sites_settings_alone(): void {
		update_option( Settings::LEVEL, 'minimal' );
		delete_option( Settings::CONNECTION );
		$result = ( new ShopSync( new Settings() ) )->connect( new Connection( 'http://127.0.0.1:9', 'ccb_0123456789abcdef0123', str_repeat( 'A', 43 ) ) );
		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertSame( 'minimal', ( new Settings() )->level() );
		$this->assertFalse( get_option( Settings::SYNC_STATUS )['ok'] );
	}
}
