<?php

require_once __DIR__ . '/FakeOrder.php';

use CryptoCustomerBridge\Settings;
use CryptoCustomerBridge\WooCommerce\Gateway;
use CryptoCustomerBridge\WooCommerce\OrderPanel;
use CryptoCustomerBridge\WooCommerce\OrderSnapshot;
use CryptoCustomerBridge\WooCommerce\Reconciliation;

final class ReconciliationTest extends WordPressTestCase {

	/** An order with a real checkout at the bridge (sandbox processor). */
	private function order_with_checkout( string $first_name = 'Rita' ): array {
		$order = new FakeOrder(
			'pending',
			array( 'line_item' => array( new FakeLine( array( 'name' => 'Lamp', 'quantity' => 1, 'subtotal' => '30.00', 'subtotal_tax' => '0', 'product_id' => 5 ) ) ) ),
			array( 'first_name' => $first_name, 'last_name' => 'Recon', 'email' => 'rita.' . wp_generate_password( 6, false ) . '@example.com' )
		);
		$order->total        = '30.00';
		$snapshot            = OrderSnapshot::from_order( $order, 'minimal' );
		$snapshot['orderId'] = 'recon-' . wp_generate_password( 8, false );
		$result              = ( new Settings() )->client()->request( 'POST', '/v1/checkouts/from-order', $snapshot, array( 'Idempotency-Key' => wp_generate_uuid4() ) );
		$this->assertIsArray( $result );
		$order->update_meta_data( Gateway::META_CHECKOUT, $result['checkout']['id'] );
		return array( $order, $result['checkout'] );
	}

	/** What the payer does on the sandbox's hosted page. */
	private function payer( array $checkout, string $choice ): void {
		wp_remote_post( $checkout['url'] . '/' . $choice, array( 'redirection' => 0 ) );
	}

	public function test_lost_events_are_made_good_by_the_same_rules(): void {
		list( $expired, $expired_checkout ) = $this->order_with_checkout();
		list( $paid, $paid_checkout )       = $this->order_with_checkout();
		list( $waiting )                    = $this->order_with_checkout();
		$this->payer( $expired_checkout, 'expire' );
		$this->payer( $paid_checkout, 'pay' );

		$this->assertSame( 2, Reconciliation::reconcile( array( $expired, $paid, $waiting ) ) );
		$this->assertSame( 'cancelled', $expired->status );
		$this->assertSame( 'processing', $paid->status );
		$this->assertSame( 'pending', $waiting->status );
		$this->assertSame( 0, Reconciliation::reconcile( array( $expired, $paid ) ), 'a second run changes nothing' );
	}

	public function test_the_order_panel_shows_customer_level_history_and_audit_escaped(): void {
		list( $order ) = $this->order_with_checkout( 'Ann<b>' );
		$html          = OrderPanel::html( $order );
		$this->assertStringContainsString( 'Ann&lt;b&gt; Recon', $html );
		$this->assertStringNotContainsString( 'Ann<b>', $html );
		$this->assertStringContainsString( '<dd>Minimal</dd>', $html );
		$this->assertStringContainsString( 'POST /checkout/hosted', $html );
		$this->assertStringContainsString( 'Waiting for payment (bridge)', $html );
		$this->assertStringContainsString( '<dt>Amount due</dt>', $html );
		$this->assertStringContainsString( 'not paid with crypto', OrderPanel::html( new FakeOrder() ) );
	}
}
