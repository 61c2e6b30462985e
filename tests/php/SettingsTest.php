<?php

use CryptoCustomerBridge\Settings;

final class SettingsTest extends WordPressTestCase {

	public function test_level_is_kept_to_a_known_one(): void {
		$settings = new Settings();
		update_option( Settings::LEVEL, 'minimal' );
		$this->assertSame( 'compliant', $settings->sanitize_level( 'Compliant' ) );
		$this->assertSame( 'minimal', $settings->sanitize_level( 'everything' ), 'an unknown level keeps the saved one' );
		$this->assertSame( 'minimal', $settings->sanitize_level( array( 'none' ) ) );
	}

	public function test_threshold_needs_both_parts_and_is_normalised(): void {
		$settings = new Settings();
		$this->assertSame( array( 'amount' => '1000.50', 'currency' => 'EUR' ), $settings->sanitize_threshold( array( 'amount' => ' 1000.50 ', 'currency' => 'eur' ) ) );
		$this->assertSame( array( 'amount' => '', 'currency' => '' ), $settings->sanitize_threshold( array( 'amount' => '1000' ) ) );
		$this->assertSame( array( 'amount' => '', 'currency' => '' ), $settings->sanitize_threshold( array( 'amount' => '-5', 'currency' => 'EUR' ) ) );
		$this->assertSame( array( 'amount' => '', 'currency' => '' ), $settings->sanitize_threshold( 'nonsense' ) );
		update_option( Settings::THRESHOLD, array( 'amount' => '', 'currency' => '' ) );
		$this->assertNull( $settings->threshold() );
	}

	public function test_settings_are_in_the_rest_api_for_admins_only_and_the_secret_never_is(): void {
		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', '/wp/v2/settings' );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertArrayHasKey( 'ccb_level', $data );
		$this->assertArrayHasKey( 'ccb_threshold', $data );
		$this->assertArrayNotHasKey( 'ccb_connection', $data );
		$this->assertStringNotContainsString( get_option( 'ccb_connection' )['secret'], wp_json_encode( $data ) );

		$invalid = $this->rest( 'POST', '/wp/v2/settings', array( 'ccb_level' => 'everything' ) );
		$this->assertSame( 400, $invalid->get_status() );

		$connection = $this->rest( 'GET', '/ccb/v1/connection' )->get_data();
		$this->assertTrue( $connection['secretSet'] );
		$this->assertStringNotContainsString( get_option( 'ccb_connection' )['secret'], wp_json_encode( $connection ) );

		$this->as_role( 'editor' );
		$this->assertSame( 403, $this->rest( 'GET', '/wp/v2/settings' )->get_status() );
	}

	public function test_the_threshold_follows_the_contract_not_a_copy_of_it(): void {
		$settings = new CryptoCustomerBridge\Settings();
		// 18 decimals and a digital asset, as the contract allows: kept (a copy of the rule once allowed 8).
		$this->assertSame( array( 'amount' => '0.000000001', 'currency' => 'BTC' ), $settings->sanitize_threshold( array( 'amount' => '0.000000001', 'currency' => 'btc' ) ) );
		$this->assertSame( array( 'amount' => '', 'currency' => '' ), $settings->sanitize_threshold( array( 'amount' => '10', 'currency' => 'XYZQ' ) ), 'an unknown currency' );
	}

	public function test_the_labels_of_what_each_level_sends_come_from_the_contract(): void {
		$this->assertSame( array(), \CryptoCustomerBridge\FieldLabels::asked_by( 'none' ) );
		$this->assertSame( array( 'First name', 'Last name', 'Email address' ), \CryptoCustomerBridge\FieldLabels::asked_by( 'minimal' ) );
		$compliant = \CryptoCustomerBridge\FieldLabels::asked_by( 'compliant' );
		$this->assertCount( count( \CryptoCustomerBridge\Contract::customer_fields() ), $compliant );
		$this->assertContains( 'Tax ID', $compliant );
	}
}
