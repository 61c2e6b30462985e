<?php

use CryptoCustomerBridge\Settings;

final class PrivacyTest extends WordPressTestCase {

	private function create_customer( string $email ): array {
		$client = ( new Settings() )->client();
		$result = $client->request(
			'POST',
			'/v1/customers',
			array(
				'level'    => 'minimal',
				'customer' => array( 'firstName' => 'Priv', 'lastName' => 'Acy', 'email' => $email, 'note' => 'private note' ),
			),
			array( 'Idempotency-Key' => wp_generate_uuid4() )
		);
		$this->assertIsArray( $result, is_wp_error( $result ) ? $result->get_error_message() : '' );
		return $result['customer'];
	}

	public function test_the_tools_are_registered_with_wordpress(): void {
		$this->assertArrayHasKey( 'crypto-customer-bridge', apply_filters( 'wp_privacy_personal_data_exporters', array() ) );
		$this->assertArrayHasKey( 'crypto-customer-bridge', apply_filters( 'wp_privacy_personal_data_erasers', array() ) );
	}

	public function test_the_exporter_finds_the_customer_by_email_whatever_the_case(): void {
		$email    = 'privacy-' . wp_generate_password( 8, false ) . '@example.com';
		$customer = $this->create_customer( $email );
		$exporter = apply_filters( 'wp_privacy_personal_data_exporters', array() )['crypto-customer-bridge']['callback'];
		$export   = call_user_func( $exporter, strtoupper( $email ), 1 );
		$this->assertTrue( $export['done'] );
		$this->assertSame( 'customer-' . $customer['id'], $export['data'][0]['item_id'] );
		$values = wp_list_pluck( $export['data'][0]['data'], 'value', 'name' );
		$this->assertSame( 'Priv', $values['First name'] );
		$this->assertSame( $email, $values['Email address'] );
		$this->assertSame( 'private note', $values['Note'] );
		$this->assertSame( array( 'data' => array(), 'done' => true ), call_user_func( $exporter, 'nobody@example.com', 1 ) );
	}

	public function test_the_export_is_complete_and_readable(): void {
		update_option( 'date_format', 'd.m.Y' );
		update_option( 'time_format', 'H:i' );
		$email  = 'complete-' . wp_generate_password( 8, false ) . '@example.com';
		$client = ( new Settings() )->client();
		$result = $client->request(
			'POST',
			'/v1/customers',
			array(
				'level'    => 'compliant',
				'customer' => array(
					'firstName'    => 'Erika',
					'lastName'     => 'Muster',
					'email'        => $email,
					'addressLine1' => 'Heidestraße 17',
					'postalCode'   => '51147',
					'city'         => 'Köln',
					'countryCode'  => 'DE',
					'meta'         => array( 'loyalty' => 'gold' ),
				),
			),
			array( 'Idempotency-Key' => wp_generate_uuid4() )
		);
		$this->assertIsArray( $result );
		$exporter = apply_filters( 'wp_privacy_personal_data_exporters', array() )['crypto-customer-bridge']['callback'];
		$export   = call_user_func( $exporter, $email, 1 );
		$values   = wp_list_pluck( $export['data'][0]['data'], 'value', 'name' );
		$this->assertSame( 'Germany', $values['Country'] );
		$this->assertSame( 'Compliant', $values['Information level'] );
		$this->assertSame( 'gold', $values['Custom field: loyalty'] );
		$this->assertMatchesRegularExpression( '/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/', $values['Customer since'] );
		$groups = array_count_values( wp_list_pluck( $export['data'], 'group_id' ) );
		$this->assertSame( 1, $groups['crypto-customer-bridge'] );
		// The record's own history: at least its creation, by this site.
		$this->assertGreaterThanOrEqual( 1, $groups['crypto-customer-bridge-audit'] ?? 0 );
		$audit = wp_list_pluck( end( $export['data'] )['data'], 'value', 'name' );
		$this->assertMatchesRegularExpression( '/^\d\d\.\d\d\.\d{4}/', $audit['Date'] );
	}

	public function test_the_eraser_erases_at_the_bridge_and_keeps_payments(): void {
		$email    = 'erase-' . wp_generate_password( 8, false ) . '@example.com';
		$customer = $this->create_customer( $email );
		$eraser   = apply_filters( 'wp_privacy_personal_data_erasers', array() )['crypto-customer-bridge']['callback'];
		$result   = call_user_func( $eraser, $email, 1 );
		$this->assertTrue( $result['items_removed'] );
		$this->assertTrue( $result['done'] );
		$after = ( new Settings() )->client()->request( 'GET', '/v1/customers/' . $customer['id'] );
		$this->assertNull( $after['customer']['email'] );
		$this->assertNotNull( $after['customer']['erasedAt'] );
		$this->assertArrayNotHasKey( 'firstName', $after['customer'] );
		$this->assertFalse( call_user_func( $eraser, $email, 1 )['items_removed'], 'nothing left to erase' );
		$this->assertFalse( $result['items_retained'], 'a customer without payments leaves nothing behind' );
		$this->assertSame( array(), $result['messages'] );
	}

	public function test_while_the_bridge_is_unreachable_export_and_erase_fail_clearly_instead_of_looping_or_claiming_success(): void {
		$connection = get_option( 'ccb_connection' );
		$broken     = $connection;
		$broken['url'] = 'http://127.0.0.1:9';
		update_option( 'ccb_connection', $broken, false );
		try {
			$exporter = apply_filters( 'wp_privacy_personal_data_exporters', array() )['crypto-customer-bridge']['callback'];
			$eraser   = apply_filters( 'wp_privacy_personal_data_erasers', array() )['crypto-customer-bridge']['callback'];
			$export   = call_user_func( $exporter, 'someone@example.com', 1 );
			$erase    = call_user_func( $eraser, 'someone@example.com', 1 );
			$this->assertInstanceOf( WP_Error::class, $export, 'an error ends the export; "not done" would make WordPress ask forever' );
			$this->assertInstanceOf( WP_Error::class, $erase );
			$this->assertSame( 'ccb_bridge_unreachable', $erase->get_error_code() );
		} finally {
			update_option( 'ccb_connection', $connection, false );
		}
	}

	/**
	 * @dataProvider customer_routes
	 */
	public function test_customer_routes_need_manage_options( string $method, string $route ): void {
		$this->assertSame( 401, $this->rest( $method, $route )->get_status() );
		$this->as_role( 'editor' );
		$this->assertSame( 403, $this->rest( $method, $route )->get_status() );
	}

	public function customer_routes(): array {
		$id = '/00000000-0000-4000-8000-000000000000';
		return array(
			array( 'GET', '/ccb/v1/admin/customers' ),
			array( 'POST', '/ccb/v1/admin/customers' ),
			array( 'GET', '/ccb/v1/admin/customers/statistics' ),
			array( 'GET', '/ccb/v1/admin/customers/export' ),
			array( 'GET', '/ccb/v1/admin/customers' . $id ),
			array( 'PATCH', '/ccb/v1/admin/customers' . $id ),
			array( 'DELETE', '/ccb/v1/admin/customers' . $id ),
			array( 'GET', '/ccb/v1/admin/customers' . $id . '/export' ),
		);
	}

	public function test_an_admin_lists_and_gets_bridge_field_errors_back_unchanged(): void {
		$this->as_role( 'administrator' );
		$list = $this->rest( 'GET', '/ccb/v1/admin/customers' );
		$this->assertSame( 200, $list->get_status() );
		$this->assertArrayHasKey( 'items', $list->get_data() );
		$invalid = $this->rest( 'POST', '/ccb/v1/admin/customers', array( 'level' => 'minimal', 'customer' => array( 'email' => 'nope' ) ) );
		$this->assertSame( 400, $invalid->get_status() );
		$fields = $invalid->get_data()['data']['fields'];
		$this->assertSame( 'invalid_email', $fields['customer.email']['code'] );
		$this->assertSame( 'required', $fields['customer.firstName']['code'] );
	}

	public function test_the_proxy_relays_json_as_sent_so_an_empty_object_stays_an_object(): void {
		$this->as_role( 'administrator' );
		$email   = 'relay-' . wp_generate_password( 8, false ) . '@example.com';
		$created = $this->rest( 'POST', '/ccb/v1/admin/customers', '{"level":"minimal","customer":{"firstName":"Rel","lastName":"Ay","email":"' . $email . '","meta":{}}}', array( 'X-CCB-Request-Id' => wp_generate_uuid4() ) );
		$this->assertSame( 200, $created->get_status(), wp_json_encode( $created->get_data() ) );
		$id      = $created->get_data()['customer']['id'];
		$edited  = $this->rest( 'PATCH', '/ccb/v1/admin/customers/' . $id, '{"meta":{},"note":"kept"}' );
		$this->assertSame( 200, $edited->get_status(), wp_json_encode( $edited->get_data() ) );
		$this->assertSame( 'kept', $edited->get_data()['customer']['note'] );
	}
}
