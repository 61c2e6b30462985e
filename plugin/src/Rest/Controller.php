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

	/**
	 * True for users who manage the site's payments, else the REST API's own refusal (401 or 403).
	 *
	 * @param string $refusal What the user may not do, for the error message.
	 * @return true|\WP_Error
	 */
	protected function require_manager( string $refusal ) {
		return current_user_can( 'manage_options' ) ? true : new \WP_Error( 'rest_forbidden', $refusal, array( 'status' => rest_authorization_required_code() ) );
	}
}
