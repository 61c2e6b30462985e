<?php

require_once __DIR__ . '/FakeOrder.php';

use CryptoCustomerBridge\Settings;
use CryptoCustomerBridge\Invoices\PublicLink;
use CryptoCustomerBridge\WooCommerce\Gateway;
use CryptoCustomerBridge\WooCommerce\MyAccountInvoice;
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

	public function test_a_paid_order_offers_its_invoice_in_my_account_and_in_the_order_panel(): void {
		list( $order, $checkout ) = $this->order_with_checkout();
		$this->assertSame( array(), MyAccountInvoice::actions( array(), $order ), 'nothing before it is paid' );
		$this->payer( $checkout, 'pay' );
		Reconciliation::reconcile( array( $order ) );
		$this->assertSame( 'processing', $order->status );
		$actions = MyAccountInvoice::actions( array(), $order );
		$this->assertSame( 'Invoice', $actions['ccb-invoice']['name'] );
		parse_str( (string) wp_parse_url( $actions['ccb-invoice']['url'], PHP_URL_QUERY ), $query );
		$this->assertNull( ( new PublicLink( new Settings() ) )->refusal( $query['ccb_invoice'], (int) $query['ccb_expires'], $query['ccb_sig'] ), 'a link that works' );
		$this->assertMatchesRegularExpression( '#<dt>Invoice</dt><dd><a href="[^"]+/ccb/v1/admin/invoices/' . $query['ccb_invoice'] . '/pdf[^"]*_wpnonce=[0-9a-f]+">INV-\d+ \(PDF\)</a></dd>#', OrderPanel::html( $order ) );
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
