<?php

require_once __DIR__ . '/FakeOrder.php';

use CryptoCustomerBridge\WooCommerce\OrderStatus;

final class OrderStatusTest extends WordPressTestCase {

	/**
	 * @dataProvider rules
	 */
	public function test_what_each_payment_event_does_to_the_order( string $from, string $event, bool $changes, string $to, bool $paid ): void {
		$order = new FakeOrder( $from );
		$this->assertSame( $changes, OrderStatus::apply( $order, $event ) );
		$this->assertSame( $to, $order->status );
		$this->assertSame( $paid, $order->paid );
		$this->assertCount( $changes ? 1 : 0, $order->notes, 'every change leaves one order note, no change leaves none' );
	}

	public function rules(): array {
		return array(
			'completed from pending'             => array( 'pending', 'completed', true, 'processing', true ),
			'completed from on-hold'             => array( 'on-hold', 'completed', true, 'processing', true ),
			'completed twice changes nothing'    => array( 'processing', 'completed', false, 'processing', false ),
			'completed after cancel: not revived' => array( 'cancelled', 'completed', false, 'cancelled', false ),
			'underpaid puts it on hold'          => array( 'pending', 'underpaid', true, 'on-hold', false ),
			'underpaid after payment: ignored'   => array( 'processing', 'underpaid', false, 'processing', false ),
			'underpayment accepted'              => array( 'on-hold', 'underpaid_accepted', true, 'processing', true ),
			'refunded'                           => array( 'processing', 'refunded', true, 'refunded', false ),
			'refunded twice'                     => array( 'refunded', 'refunded', false, 'refunded', false ),
			'expired while unpaid: cancelled'    => array( 'pending', 'expired', true, 'cancelled', false ),
			'expired after payment: never'       => array( 'processing', 'expired', false, 'processing', false ),
			'expired while on hold: kept'        => array( 'on-hold', 'expired', false, 'on-hold', false ),
			'unknown status'                     => array( 'pending', 'open', false, 'pending', false ),
		);
	}
}
