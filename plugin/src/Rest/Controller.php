<?php
/**
 * What every route of the plugin shares: its namespace and the settings.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Rest;

use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Base for the plugin's REST controllers (namespace ccb/v1).
 */
abstract class Controller extends \WP_REST_Controller {

	/**
	 * Settings.
	 *
	 * @var Settings
	 */
	protected $settings;

	/**
	 * Namespace of every route.
	 *
	 * @var string
	 */
	protected $namespace = 'ccb/v1';

	/**
	 * Constructor.
	 *
	 * @param Settings $settings Settings.
	 */
	public function __construct( Settings $settings ) {
		$this->settings = $settings;
	}
}
