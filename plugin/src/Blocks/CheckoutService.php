<?php
/**
 * Starting a checkout block's payment and reading its status: one place for the REST route and the
 * plain form post.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Blocks;

use CryptoCustomerBridge\Contract;
use CryptoCustomerBridge\Rest\RateLimiter;
use CryptoCustomerBridge\Rest\ShopperIdentity;
use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Opens a hosted checkout for one block on one published post (what is charged comes from the saved
 * block, never from the browser), with one order reference and idempotency key per submission
 * attempt, and maps every failure to what a shopper may read.
 */
final class CheckoutService {

	const RATE_LIMIT  = 10;
	const RATE_WINDOW = 60;

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	private $settings;

	/**
	 * Constructor.
	 *
	 * @param Settings $settings Settings.
	 */
	public function __construct( Settings $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Opens the hosted checkout and returns where to send the shopper.
	 *
	 * @param int                  $post_id  Post holding the block.
	 * @param string               $block_id The block's id attribute.
	 * @param string               $attempt  The submission attempt (a double click, a retry: the same).
	 * @param array<string, mixed> $customer What the shopper typed, by contract field.
	 * @return array{redirectUrl: string}|\WP_Error
	 */
	public function start( int $post_id, string $block_id, string $attempt, array $customer ) {
		if ( ! RateLimiter::allow( 'checkout', self::RATE_LIMIT, self::RATE_WINDOW ) ) {
			return new \WP_Error( 'ccb_rate_limited', __( 'Too many payment attempts. Wait a minute and try again.', 'crypto-customer-bridge' ), array( 'status' => 429 ) );
		}
		$block = CheckoutBlock::find_in_post( $post_id, $block_id );
		if ( ! $block ) {
			return new \WP_Error( 'ccb_unknown_block', __( 'This payment form is no longer available. Reload the page.', 'crypto-customer-bridge' ), array( 'status' => 404 ) );
		}
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return $this->for_shopper( $client );
		}

		$token     = substr( hash( 'sha256', $post_id . '|' . $block['blockId'] . '|' . $attempt . '|' . wp_salt( 'nonce' ) ), 0, 20 );
		$order_ref = 'wp-' . $post_id . '-' . $token;
		// Blank means "not given": an optional field left empty is not sent.
		$customer = array_filter(
			array_map( 'strval', array_intersect_key( $customer, array_flip( Contract::customer_fields() ) ) ),
			static function ( string $value ): bool {
				return '' !== trim( $value );
			}
		);

		$checkout = array(
			'level'         => '' !== $block['level'] ? $block['level'] : $this->settings->level(),
			'orderRef'      => $order_ref,
			'currency'      => $block['currency'],
			'lineItems'     => CheckoutBlock::line_items( $block ),
			'expectedTotal' => $block['total'],
			'returnUrl'     => add_query_arg( 'ccb_order', $order_ref, $this->settings->return_url( $post_id ) ),
			'cancelUrl'     => add_query_arg( 'ccb_cancelled', '1', $this->settings->cancel_url( $post_id ) ),
			'locale'        => substr( determine_locale(), 0, 2 ),
		);
		if ( ! empty( $customer ) ) {
			$checkout['customer']        = $customer;
			$checkout['shopperVerified'] = ShopperIdentity::is_signed_in_as( (string) ( $customer['email'] ?? '' ) );
		}
		$result = $client->request( 'POST', '/v1/checkouts', $checkout, array( 'Idempotency-Key' => 'wp-' . $token ) );
		if ( is_wp_error( $result ) ) {
			return $this->for_shopper( $result );
		}
		return array( 'redirectUrl' => esc_url_raw( (string) $result['checkout']['url'] ) );
	}

	/**
	 * A payment's status for its receipt: no personal data, only the state, with the sentences the
	 * shopper reads and the amounts in their language.
	 *
	 * @param string $order_ref The order reference from the return URL.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function status( string $order_ref ) {
		if ( ! RateLimiter::allow( 'status', 60, self::RATE_WINDOW ) ) {
			return new \WP_Error( 'ccb_rate_limited', __( 'Too many requests. Wait a minute and try again.', 'crypto-customer-bridge' ), array( 'status' => 429 ) );
		}
		$client = $this->settings->client();
		if ( is_wp_error( $client ) ) {
			return $this->for_shopper( $client );
		}
		$found = $client->request( 'GET', '/v1/checkouts?limit=1&orderRef=' . rawurlencode( $order_ref ) );
		if ( is_wp_error( $found ) ) {
			return $this->for_shopper( $found );
		}
		$checkout = $found['items'][0] ?? null;
		if ( ! $checkout ) {
			return new \WP_Error( 'ccb_unknown_order', __( 'No payment was found for this link.', 'crypto-customer-bridge' ), array( 'status' => 404 ) );
		}
		$status   = (string) $checkout['status'];
		$invoice  = in_array( $status, array( 'completed', 'underpaid_accepted', 'refunded' ), true )
			? \CryptoCustomerBridge\Invoices\CheckoutInvoice::of( $client, (string) $checkout['id'] )
			: null;
		$received = (string) ( $checkout['amountReceived'] ?? '' );
		$shows    = '' !== $received && in_array( $status, array( 'underpaid', 'underpaid_accepted' ), true );
		return array(
			'status'         => $status,
			'total'          => $checkout['total'],
			'currency'       => $checkout['currency'],
			'amountReceived' => $checkout['amountReceived'] ?? null,
			// For the receipt: written here, so the page's script needs no translations or formatting.
			'final'          => 'open' !== $status,
			'message'        => ShopperText::status( $status ),
			'next'           => ShopperText::next_step( $status ),
			'amount'         => \CryptoCustomerBridge\Money::format( (string) $checkout['total'], (string) $checkout['currency'] ),
			'received'       => $shows ? \CryptoCustomerBridge\Money::format( $received, (string) $checkout['currency'] ) : null,
			// A signed link that works for a day: the receipt's address is the shopper's key to it.
			'invoiceUrl'     => $invoice ? \CryptoCustomerBridge\Invoices\PublicLink::url( (string) $invoice['id'] ) : null,
		);
	}

	/**
	 * What a shopper may see of a failure: field errors with their codes and translated messages,
	 * anything else as a translated sentence without the bridge's or processor's internals.
	 *
	 * @param \WP_Error $error Failure.
	 */
	private function for_shopper( \WP_Error $error ): \WP_Error {
		$data = (array) $error->get_error_data();
		$code = $error->get_error_code();
		if ( 'ccb_validation_failed' === $code ) {
			return new \WP_Error(
				$code,
				__( 'Please check the highlighted fields.', 'crypto-customer-bridge' ),
				array(
					'status' => 400,
					'fields' => ShopperText::fields( (array) ( $data['fields'] ?? array() ) ),
					'level'  => $data['details']['level'] ?? null,
				)
			);
		}
		$messages = array(
			'ccb_bridge_unreachable'    => __( 'Payments are temporarily unavailable. Nothing was charged; please try again in a few minutes.', 'crypto-customer-bridge' ),
			'ccb_processor_unavailable' => __( 'The payment processor is not answering. Nothing was charged; please try again in a few minutes.', 'crypto-customer-bridge' ),
			'ccb_not_connected'         => __( 'Crypto payments are not set up on this site yet.', 'crypto-customer-bridge' ),
			'ccb_unknown_order'         => $error->get_error_message(),
		);
		$message  = $messages[ $code ] ?? __( 'The payment could not be started. Nothing was charged. Please try again later or contact the shop.', 'crypto-customer-bridge' );
		$status   = isset( $data['status'] ) && (int) $data['status'] >= 500 ? 503 : (int) ( $data['status'] ?? 500 );
		if ( 'ccb_bridge_unreachable' !== $code ) {
			// The shopper gets a plain sentence; the site owner finds the bridge's words in the log.
			error_log( sprintf( 'Crypto Customer Bridge: %s: %s', $code, $error->get_error_message() ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log
		}
		return new \WP_Error( $code, $message, array( 'status' => $status ) );
	}
}
