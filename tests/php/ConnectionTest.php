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

	public function test_names_the_staff_member_to_the_bridge_but_never_a_shopper(): void {
		$this->assertSame( array(), Client::acting_user(), 'no one logged in' );
		$this->as_role( 'customer' === get_role( 'customer' ) ? 'customer' : 'subscriber' );
		$this->assertSame( array(), Client::acting_user(), 'a shopper' );
		$id   = $this->as_role( 'administrator' );
		$user = get_userdata( $id );
		$this->assertSame( array( 'X-CCB-Acting-User' => 'WordPress user ' . $user->user_login . ' (#' . $id . ')' ), Client::acting_user() );
	}

	public function test_the_bridge_records_who_made_a_change_from_wp_admin(): void {
		$id      = $this->as_role( 'administrator' );
		$created = $this->rest(
			'POST',
			'/ccb/v1/admin/customers',
			array(
				'level'    => 'minimal',
				'customer' => array(
					'firstName' => 'Audit',
					'lastName'  => 'Trail',
					'email'     => 'audit-' . wp_generate_password( 8, false ) . '@example.com',
				),
			),
			array( 'X-CCB-Request-Id' => wp_generate_uuid4() )
		);
		$this->assertLessThan( 300, $created->get_status(), (string) wp_json_encode( $created->get_data() ) );
		$customer = $created->get_data()['customer']['id'];
		$detail   = $this->rest( 'GET', '/ccb/v1/admin/customers/' . $customer )->get_data();
		$this->assertStringContainsString( '(#' . $id . ')', (string) $detail['audit'][0]['onBehalfOf'] );
	}
}
