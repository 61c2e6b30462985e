<?php
/**
 * Makes good lost events: asks the bridge about orders still waiting for a payment.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\WooCommerce;

use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Every 15 minutes (Action Scheduler when WooCommerce has it, else WP-Cron), orders pending or on
 * hold with a crypto checkout older than 15 minutes are checked at the bridge (which asks the
 * processor) and the same status rules as for events are applied.
 */
final class Reconciliation {

	const HOOK     = 'ccb_reconcile_orders';
	const INTERVAL = 900;

	/**
	 * Schedules the recurring check and hooks its callback.
	 */
	public static function register(): void {
		add_action( self::HOOK, array( self::class, 'run' ) );
		add_action(
			'init',
			static function () {
				if ( function_exists( 'as_has_scheduled_action' ) ) {
					if ( ! as_has_scheduled_action( self::HOOK ) ) {
						as_schedule_recurring_action( time() + self::INTERVAL, self::INTERVAL, self::HOOK, array(), 'crypto-customer-bridge' );
					}
				} elseif ( ! wp_next_scheduled( self::HOOK ) ) {
					wp_schedule_event( time() + self::INTERVAL, 'hourly', self::HOOK );
				}
			}
		);
	}

	/**
	 * The scheduled run: finds the waiting orders and reconciles them.
	 */
	public static function run(): void {
		$orders = wc_get_orders(
			array(
				'limit'          => 50,
				'status'         => array( 'pending', 'on-hold' ),
				'date_created'   => '<' . ( time() - self::INTERVAL ),
				// A core order property, honoured by HPOS and the legacy post storage alike (a meta_query is not).
				'payment_method' => Gateway::ID,
			)
		);
		self::reconcile( (array) $orders );
	}

	/**
	 * Asks the bridge about each order's checkout and applies what it says.
	 *
	 * @param \WC_Order[] $orders Orders with a crypto checkout.
	 * @return int How many orders changed.
	 */
	public static function reconcile( array $orders ): int {
		$client = ( new Settings() )->client();
		if ( is_wp_error( $client ) ) {
			return 0;
		}
		$changed = 0;
		foreach ( $orders as $order ) {
			$checkout_id = (string) $order->get_meta( Gateway::META_CHECKOUT );
			if ( ! preg_match( '/^' . \CryptoCustomerBridge\Contract::pattern( 'uuid' ) . '$/', $checkout_id ) ) {
				continue;
			}
			$result = $client->request( 'GET', '/v1/checkouts/' . $checkout_id . '?refresh=1' );
			if ( ! is_wp_error( $result ) && OrderStatus::apply( $order, $result['checkout'] ) ) {
				$changed++;
			}
		}
		return $changed;
	}
}
