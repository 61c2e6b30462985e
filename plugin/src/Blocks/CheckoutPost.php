<?php
/**
 * The checkout form posted without JavaScript.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Blocks;

use CryptoCustomerBridge\Contract;
use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The form posts to its own page. Before anything is printed, this starts the payment through the
 * same CheckoutService as the REST route (nonce, rate limit, attempt, error mapping) and redirects to
 * the processor's payment page; on a refusal the page renders as usual and the block shows the form
 * again with what was typed, the bridge's field errors and the notice.
 */
final class CheckoutPost {

	/**
	 * The refused submission of this request, by block id.
	 *
	 * @var array<string, array{error: \WP_Error, values: array<string, string>, attempt: string}>
	 */
	private static $refused = array();

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
	 * Hooks registration.
	 */
	public function register(): void {
		// Early, before anything else there may answer or redirect (a cache, a maintenance page).
		add_action( 'template_redirect', array( $this, 'handle' ), 5 );
	}

	/**
	 * Handles a posted checkout form, if this request is one.
	 */
	public function handle(): void {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- the nonce is verified below, before anything is done.
		if ( ! isset( $_SERVER['REQUEST_METHOD'] ) || 'POST' !== $_SERVER['REQUEST_METHOD'] || ! isset( $_POST['ccb_block'], $_POST['ccb_post'], $_POST['ccb_attempt'] ) ) {
			return;
		}
		$block_id = sanitize_text_field( wp_unslash( $_POST['ccb_block'] ) );
		$attempt  = sanitize_text_field( wp_unslash( $_POST['ccb_attempt'] ) );
		$posted   = isset( $_POST['ccb'] ) && is_array( $_POST['ccb'] ) ? wp_unslash( $_POST['ccb'] ) : array(); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- each value is sanitised below.
		$nonce    = isset( $_POST['ccb_nonce'] ) ? sanitize_text_field( wp_unslash( $_POST['ccb_nonce'] ) ) : '';
		$post_id  = (int) $_POST['ccb_post'];
		// phpcs:enable
		$values = array();
		foreach ( Contract::customer_fields() as $field ) {
			if ( isset( $posted[ $field ] ) && is_string( $posted[ $field ] ) ) {
				$values[ $field ] = sanitize_text_field( substr( $posted[ $field ], 0, 2000 ) );
			}
		}
		$result = self::submit( $this->settings, $post_id, $block_id, $attempt, $nonce, $values );
		if ( is_wp_error( $result ) ) {
			self::$refused[ $block_id ] = array(
				'error'   => $result,
				'values'  => $values,
				'attempt' => $attempt,
			);
			return;
		}
		// The processor's hosted payment page, as the bridge gave it: another site by design.
		wp_redirect( $result['redirectUrl'], 303 ); // phpcs:ignore WordPress.Security.SafeRedirect.wp_redirect_wp_redirect
		exit;
	}

	/**
	 * Checks the form's nonce and attempt, then starts the payment.
	 *
	 * @param Settings              $settings Settings.
	 * @param int                   $post_id  Post.
	 * @param string                $block_id Block id.
	 * @param string                $attempt  Submission attempt.
	 * @param string                $nonce    The form's nonce.
	 * @param array<string, string> $values   What the shopper typed.
	 * @return array{redirectUrl: string}|\WP_Error
	 */
	public static function submit( Settings $settings, int $post_id, string $block_id, string $attempt, string $nonce, array $values ) {
		if ( ! wp_verify_nonce( $nonce, 'wp_rest' ) ) {
			return new \WP_Error( 'ccb_bad_nonce', __( 'This page has expired. Reload it and try again.', 'crypto-customer-bridge' ), array( 'status' => 403 ) );
		}
		if ( ! preg_match( '/^[A-Za-z0-9-]{8,64}$/', $block_id ) || ! preg_match( '/^[A-Za-z0-9-]{8,64}$/', $attempt ) ) {
			return new \WP_Error( 'ccb_unknown_block', __( 'This payment form is no longer available. Reload the page.', 'crypto-customer-bridge' ), array( 'status' => 404 ) );
		}
		return ( new CheckoutService( $settings ) )->start( $post_id, $block_id, $attempt, $values );
	}

	/**
	 * The refused submission for a block in this request, if any.
	 *
	 * @param string $block_id Block id.
	 * @return array{error: \WP_Error, values: array<string, string>, attempt: string}|null
	 */
	public static function refused( string $block_id ): ?array {
		return self::$refused[ $block_id ] ?? null;
	}
}
