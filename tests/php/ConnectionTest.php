<?php

use CryptoCustomerBridge\Bridge\Client;
use CryptoCustomerBridge\Bridge\Connection;

final class ConnectionTest extends WordPressTestCase {

	public function test_parses_the_string_the_bridge_prints(): void {
		$c = Connection::parse( ' ccb+https://ccb_0123456789abcdef0123:' . str_repeat( 'A', 43 ) . '@bridge.example.com/base/ ' );
		$this->assertInstanceOf( Connection::class, $c );
		$this->assertSame( 'https://bridge.example.com/base', $c->url );
		$this->assertSame( 'ccb_0123456789abcdef0123', $c->key_id );
		$this->assertSame( '/base', $c->base_path() );
	}

	/**
	 * @dataProvider bad_strings
	 */
	public function test_refuses_what_is_not_a_connection_string( string $value ): void {
		$result = Connection::parse( $value );
		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertSame( 'ccb_bad_connection_string', $result->get_error_code() );
	}

	public function bad_strings(): array {
		return array(
			'empty'        => array( '' ),
			'plain url'    => array( 'https://bridge.example.com' ),
			'no secret'    => array( 'ccb+https://ccb_0123456789abcdef0123@bridge.example.com' ),
			'short secret' => array( 'ccb+https://ccb_0123456789abcdef0123:short@bridge.example.com' ),
			'bad key id'   => array( 'ccb+https://admin:' . str_repeat( 'A', 43 ) . '@bridge.example.com' ),
			'ftp'          => array( 'ccb+ftp://ccb_0123456789abcdef0123:' . str_repeat( 'A', 43 ) . '@bridge.example.com' ),
		);
	}

	public function test_an_unreachable_bridge_is_a_clear_error(): void {
		$client = new Client( new Connection( 'http://127.0.0.1:9', 'ccb_0123456789abcdef0123', str_repeat( 'A', 43 ) ) );
		$result = $client->request( 'GET', '/v1/shop' );
		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertSame( 'ccb_bridge_unreachable', $result->get_error_code() );
		$this->assertSame( 503, $result->get_error_data()['status'] );
	}

	public function test_the_real_bridge_refuses_a_wrong_secret_with_its_code(): void {
		$saved  = get_option( 'ccb_connection' );
		$client = new Client( new Connection( $saved['url'], $saved['key_id'], str_repeat( 'W', 43 ) ) );
		$result = $client->request( 'GET', '/v1/shop' );
		$this->assertSame( 'ccb_signature_invalid', $result->get_error_code() );
		$this->assertSame( 401, $result->get_error_data()['status'] );
		$this->assertIsArray( ( new Client( Connection::from_array( $saved ) ) )->request( 'GET', '/v1/shop' )['shop'] );
	}
}
