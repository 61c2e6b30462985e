<?php

require_once __DIR__ . '/FakeOrder.php';

use CryptoCustomerBridge\Settings;
use CryptoCustomerBridge\WooCommerce\FieldMessages;
use CryptoCustomerBridge\WooCommerce\OrderSnapshot;

final class OrderSnapshotTest extends WordPressTestCase {

	private function order(): FakeOrder {
		$order        = new FakeOrder(
			'pending',
			array(
				'line_item' => array(
					new FakeLine( array( 'name' => 'Mug <b>XL</b>', 'quantity' => 2, 'subtotal' => 20.0, 'subtotal_tax' => 3.8, 'product_id' => 17 ) ),
					new FakeLine( array( 'name' => 'Pens', 'quantity' => 3, 'subtotal' => '10.00', 'subtotal_tax' => '1.90', 'product_id' => 0 ) ),
				),
				'coupon'    => array( new FakeLine( array( 'code' => 'five', 'discount' => 5.0, 'discount_tax' => 0.95 ) ) ),
				'shipping'  => array( new FakeLine( array( 'name' => 'Parcel', 'total' => '4.95', 'total_tax' => '0.94' ) ) ),
				'fee'       => array( new FakeLine( array( 'name' => 'Gift wrap', 'total' => 1, 'total_tax' => 0.19 ) ) ),
				'tax'       => array( new FakeLine( array( 'label' => 'VAT', 'rate_percent' => 19 ) ) ),
			),
			array( 'first_name' => 'Wanda', 'last_name' => 'Commerce', 'email' => 'wanda.' . wp_generate_password( 6, false ) . '@example.com', 'country' => 'DE', 'postcode' => '10115', 'city' => 'Berlin', 'address_1' => '1 Shop Street' )
		);
		$order->total = '36.83';
		return $order;
	}

	public function test_the_snapshot_carries_the_orders_own_numbers_and_billing_details(): void {
		$snapshot = OrderSnapshot::from_order( $this->order(), 'compliant', 'DE123' );
		$this->assertSame( array( 'name' => 'Mug XL', 'quantity' => 2, 'lineNet' => '20', 'tax' => '3.8', 'productId' => '17' ), $snapshot['items'][0] );
		$this->assertSame( array( 'name' => 'Pens', 'quantity' => 3, 'lineNet' => '10', 'tax' => '1.9' ), $snapshot['items'][1] );
		$this->assertSame( array( array( 'code' => 'five', 'discount' => '5', 'discountTax' => '0.95' ) ), $snapshot['coupons'] );
		$this->assertSame( array( array( 'label' => 'VAT', 'percent' => '0.19' ) ), $snapshot['taxRates'] );
		$this->assertSame( '36.83', $snapshot['total'] );
		$this->assertSame( 'DE123', $snapshot['customer']['taxId'] );
		$this->assertArrayNotHasKey( 'phone', $snapshot['customer'], 'empty fields are not sent' );
		$this->assertArrayNotHasKey( 'customer', OrderSnapshot::from_order( $this->order(), 'none' ), 'level none sends no customer' );
	}

	public function test_the_bridge_accepts_the_snapshot_and_charges_exactly_the_order_total(): void {
		$snapshot = OrderSnapshot::from_order( $this->order(), 'compliant' );
		$snapshot['orderId'] = 'php-' . wp_generate_password( 8, false );
		$result   = ( new Settings() )->client()->request( 'POST', '/v1/checkouts/from-order', $snapshot, array( 'Idempotency-Key' => wp_generate_uuid4() ) );
		$this->assertIsArray( $result, is_wp_error( $result ) ? $result->get_error_message() . wp_json_encode( $result->get_error_data() ) : '' );
		$this->assertSame( '36.83', $result['checkout']['total'] );
		$this->assertSame( 'compliant', $result['checkout']['level'] );
	}

	public function test_missing_billing_data_becomes_a_precise_checkout_message(): void {
		$snapshot = OrderSnapshot::from_order( $this->order(), 'compliant' );
		unset( $snapshot['customer']['postalCode'], $snapshot['customer']['city'] );
		$snapshot['orderId'] = 'php-' . wp_generate_password( 8, false );
		$error    = ( new Settings() )->client()->request( 'POST', '/v1/checkouts/from-order', $snapshot, array( 'Idempotency-Key' => wp_generate_uuid4() ) );
		$this->assertInstanceOf( WP_Error::class, $error );
		$this->assertEqualsCanonicalizing(
			array( 'Billing postcode is required for crypto payments.', 'Billing town / city is required for crypto payments.' ),
			FieldMessages::for_shopper( $error )
		);
	}

	public function test_decimals_are_plain(): void {
		$this->assertSame( '19.99', OrderSnapshot::decimal( 19.99 ) );
		$this->assertSame( '0.3', OrderSnapshot::decimal( 0.1 + 0.2 ) );
		$this->assertSame( '0', OrderSnapshot::decimal( '0.00' ) );
		$this->assertSame( '1000', OrderSnapshot::decimal( '1000.000' ) );
	}
}
