<?php
/**
 * A checkout's invoice, as the bridge lists it.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Invoices;

use CryptoCustomerBridge\Bridge\Client;

defined( 'ABSPATH' ) || exit;

/**
 * The one place that asks the bridge for a checkout's invoice (not its credit note): the receipt,
 * WooCommerce's emails and "My account" all offer that one.
 */
final class CheckoutInvoice {

	/**
	 * The checkout's invoice (id, number, …), or null when it has none or the bridge cannot say.
	 *
	 * @param Client $client      Bridge client.
	 * @param string $checkout_id Checkout.
	 * @return array<string, mixed>|null
	 */
	public static function of( Client $client, string $checkout_id ): ?array {
		$found = $client->request( 'GET', '/v1/invoices?checkoutId=' . rawurlencode( $checkout_id ) );
		foreach ( is_wp_error( $found ) ? array() : (array) $found['items'] as $document ) {
			if ( 'invoice' === ( $document['kind'] ?? '' ) ) {
				return $document;
			}
		}
		return null;
	}
}
