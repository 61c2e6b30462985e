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

	/**
	 * The bridge query for a relayed list: only the parameters it names, and none left empty (a form
	 * sends `?q=&country=` for "no filter").
	 *
	 * @param \WP_REST_Request      $request Request.
	 * @param string[]              $allowed Parameters passed on.
	 * @param array<string, string> $fixed   Parameters set here.
	 */
	protected function bridge_query( $request, array $allowed, array $fixed = array() ): string {
		$query = array_filter(
			array_map( 'strval', array_intersect_key( $request->get_query_params(), array_flip( $allowed ) ) ),
			static function ( $value ) {
				return '' !== $value;
			}
		) + $fixed;
		return $query ? '?' . http_build_query( $query ) : '';
	}
}
