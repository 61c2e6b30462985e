<?php
/**
 * The gateway in WooCommerce's block checkout.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

use Automattic\WooCommerce\Blocks\Payments\Integrations\AbstractPaymentMethodType;
use CryptoCustomerBridge\Plugin;
use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Mirrors Gateway for the block checkout: the script registered here (build/woocommerce-payment-method)
 * calls registerPaymentMethod; its settings come from get_payment_method_data().
 */
final class BlocksPaymentMethod extends AbstractPaymentMethodType {

	/**
	 * Payment method name, the gateway's id.
	 *
	 * @var string
	 */
	protected $name = Gateway::ID;

	/**
	 * Loads the gateway's settings.
	 *
	 * @return void
	 */
	public function initialize() {
		$this->settings = get_option( 'woocommerce_' . Gateway::ID . '_settings', array() );
	}

	/**
	 * Shown when the gateway is enabled.
	 */
	public function is_active() {
		return 'yes' === ( $this->settings['enabled'] ?? 'no' );
	}

	/**
	 * The block checkout script.
	 *
	 * @return string[]
	 */
	public function get_payment_method_script_handles() {
		$asset = require Plugin::path( 'build/woocommerce-payment-method.asset.php' );
		wp_register_script( 'ccb-woocommerce-payment-method', Plugin::url( 'build/woocommerce-payment-method.js' ), array_merge( $asset['dependencies'], array( 'wc-blocks-registry', 'wc-settings' ) ), $asset['version'], true );
		wp_set_script_translations( 'ccb-woocommerce-payment-method', 'crypto-customer-bridge', Plugin::path( 'build/languages' ) );
		return array( 'ccb-woocommerce-payment-method' );
	}

	/**
	 * What the script needs: title, description, and the labels of what travels with the payment at
	 * this level (from the contract, translated here, so the script carries no rules and no labels).
	 *
	 * @return array<string, mixed>
	 */
	public function get_payment_method_data() {
		return array(
			'title'          => $this->settings['title'] ?? __( 'Pay with crypto', 'crypto-customer-bridge' ),
			'description'    => $this->settings['description'] ?? '',
			'sentFields'     => \CryptoCustomerBridge\FieldLabels::asked_by( ( new Settings() )->level() ),
			'collectTaxId'   => TaxIdField::collected_by_payment_method() && TaxIdField::may_be_asked(),
			'taxIdMaxLength' => \CryptoCustomerBridge\Contract::max_length( 'taxId' ),
			'supports'       => array( 'products' ),
		);
	}
}
