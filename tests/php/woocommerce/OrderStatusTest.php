<?php

require_once __DIR__ . '/FakeOrder.php';

use CryptoCustomerBridge\WooCommerce\Gateway;
use CryptoCustomerBridge\WooCommerce\OrderStatus;

final class OrderStatusTest extends WordPressTestCase {

	/** @var array<int, array<string, mixed>> */
	private $mails = array();

	protected function setUp(): void {
		parent::setUp();
		$this->mails = array();
		add_filter(
			'pre_wp_mail',
			function ( $short, $atts ) {
				$this->mails[] = $atts;
				return true;
			},
			5,
			2
		);
	}

	private function checkout( string $status, string $id = 'current-id' ): array {
		return array( 'id' => $id, 'status' => $status, 'processorCheckoutId' => 'PROC' . strtoupper( substr( md5( $id ), 0, 8 ) ) );
	}

	private function order( string $status ): FakeOrder {
		$order = new FakeOrder( $status );
		$order->update_meta_data( Gateway::META_CHECKOUT, 'current-id' );
		return $order;
	}

	/**
	 * @dataProvider rules
	 */
	public function test_what_each_payment_event_does_to_the_order( string $from, string $event, bool $changes, string $to, bool $paid ): void {
		$order = $this->order( $from );
		$this->assertSame( $changes, OrderStatus::apply( $order, $this->checkout( $event ) ) );
		$this->assertSame( $to, $order->status );
		$this->assertSame( $paid, $order->paid );
		$this->assertCount( $changes ? 1 : 0, $order->notes, 'every change leaves one order note, no change leaves none' );
	}

	public function rules(): array {
		return array(
			'completed from pending'             => array( 'pending', 'completed', true, 'processing', true ),
			'completed from on-hold'             => array( 'on-hold', 'completed', true, 'processing', true ),
			'underpaid puts it on hold'          => array( 'pending', 'underpaid', true, 'on-hold', false ),
			'underpaid twice: once'              => array( 'on-hold', 'underpaid', false, 'on-hold', false ),
			'underpayment accepted'              => array( 'on-hold', 'underpaid_accepted', true, 'processing', true ),
			'refunded'                           => array( 'processing', 'refunded', true, 'refunded', false ),
			'refunded twice'                     => array( 'refunded', 'refunded', false, 'refunded', false ),
			'expired while unpaid: cancelled'    => array( 'pending', 'expired', true, 'cancelled', false ),
			'expired after payment: never'       => array( 'processing', 'expired', false, 'processing', false ),
			'expired while on hold: kept'        => array( 'on-hold', 'expired', false, 'on-hold', false ),
			'unknown status'                     => array( 'pending', 'open', false, 'pending', false ),
		);
	}

	public function test_the_processor_checkout_id_becomes_the_transaction_id(): void {
		$order    = $this->order( 'pending' );
		$checkout = $this->checkout( 'completed' );
		OrderStatus::apply( $order, $checkout );
		$this->assertSame( $checkout['processorCheckoutId'], $order->transaction_id );
	}

	public function test_a_payment_on_a_superseded_checkout_completes_the_order(): void {
		$order = $this->order( 'pending' );
		$this->assertTrue( OrderStatus::apply( $order, $this->checkout( 'completed', 'older-id' ) ) );
		$this->assertSame( 'processing', $order->status );
	}

	public function test_expiry_of_a_superseded_checkout_leaves_the_order_alone(): void {
		$order = $this->order( 'pending' );
		$this->assertFalse( OrderStatus::apply( $order, $this->checkout( 'expired', 'older-id' ) ) );
		$this->assertSame( 'pending', $order->status );
		$this->assertCount( 0, $order->notes );
	}

	public function test_expiry_of_an_order_now_paid_by_another_gateway_leaves_it_alone(): void {
		$order                 = $this->order( 'pending' );
		$order->payment_method = 'bacs';
		$this->assertFalse( OrderStatus::apply( $order, $this->checkout( 'expired' ) ) );
		$this->assertSame( 'pending', $order->status );
	}

	public function test_a_late_payment_puts_a_cancelled_order_on_hold_with_a_note_and_tells_the_merchant(): void {
		$order    = $this->order( 'cancelled' );
		$checkout = $this->checkout( 'completed' );
		$this->assertTrue( OrderStatus::apply( $order, $checkout, true ) );
		$this->assertSame( 'on-hold', $order->status );
		$this->assertFalse( $order->paid, 'never silently paid' );
		$this->assertCount( 1, $order->notes );
		$this->assertStringContainsString( $checkout['processorCheckoutId'], $order->notes[0] );
		$this->assertStringContainsString( 'refund the payment at the processor', $order->notes[0] );
		$this->assertCount( 1, $this->mails );
		$this->assertSame( get_option( 'admin_email' ), $this->mails[0]['to'] );
		$this->assertStringContainsString( 'order #77 needs your review', $this->mails[0]['subject'] );
	}

	public function test_the_payment_that_paid_the_order_seen_again_changes_nothing(): void {
		$order    = $this->order( 'pending' );
		$checkout = $this->checkout( 'completed' );
		OrderStatus::apply( $order, $checkout );
		$this->assertFalse( OrderStatus::apply( $order, $checkout ) );
		$this->assertCount( 1, $order->notes );
		$this->assertCount( 0, $this->mails );
	}

	public function test_a_late_payment_under_review_is_not_booked_by_a_later_check(): void {
		$order    = $this->order( 'cancelled' );
		$checkout = $this->checkout( 'completed' );
		OrderStatus::apply( $order, $checkout, true );
		$this->assertFalse( OrderStatus::apply( $order, $checkout ), 'reconciliation sees it on hold: the merchant decides' );
		$this->assertSame( 'on-hold', $order->status );
		$this->assertCount( 1, $this->mails );
	}

	public function test_a_second_payment_on_an_order_already_paid_is_noted_and_mailed_not_booked(): void {
		$order = $this->order( 'processing' );
		$this->assertTrue( OrderStatus::apply( $order, $this->checkout( 'completed', 'older-id' ) ) );
		$this->assertSame( 'processing', $order->status );
		$this->assertCount( 1, $order->notes );
		$this->assertCount( 1, $this->mails );
	}

	public function test_an_underpayment_after_cancellation_is_put_in_front_of_the_merchant(): void {
		$order = $this->order( 'cancelled' );
		$this->assertTrue( OrderStatus::apply( $order, $this->checkout( 'underpaid' ) ) );
		$this->assertSame( 'on-hold', $order->status );
		$this->assertCount( 1, $this->mails );
	}
}
