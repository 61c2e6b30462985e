<?php
/**
 * Test helper for the store tests: reads a WooCommerce order (status, notes, this plugin's meta and the
 * table that holds it) and the store's settings from inside the loaded site. Prints one JSON value.
 *
 *   php inspect.php SITE URL storage                 {"hpos": bool, "sync": bool}
 *   php inspect.php SITE URL order-by-email EMAIL    the newest order with that billing email, or null
 *   php inspect.php SITE URL order ID                one order, or null
 *   php inspect.php SITE URL level LEVEL             sets the plugin's level (pushed to the bridge); returns the sync status
 *   php inspect.php SITE URL eval 'return …;'        any PHP, like dev/wordpress/eval.php
 *
 * @package CryptoCustomerBridge
 */

$_SERVER['HTTP_HOST']   = parse_url( $argv[2], PHP_URL_HOST ) . ':' . parse_url( $argv[2], PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = parse_url( $argv[2], PHP_URL_HOST );
require $argv[1] . '/wp-load.php';

/**
 * The storage WooCommerce uses for orders.
 *
 * @return array{hpos: bool, sync: bool}
 */
function ccb_storage(): array {
	return array(
		'hpos' => Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled(),
		'sync' => 'yes' === get_option( 'woocommerce_custom_orders_table_data_sync_enabled' ),
	);
}

/**
 * One order as the tests see it.
 *
 * @param WC_Order|false $order Order.
 * @return array<string, mixed>|null
 */
function ccb_order( $order ): ?array {
	if ( ! $order instanceof WC_Order ) {
		return null;
	}
	global $wpdb;
	$id    = $order->get_id();
	$notes = array();
	foreach ( array_reverse( wc_get_order_notes( array( 'order_id' => $id ) ) ) as $note ) {
		$notes[] = array(
			'content'  => wp_strip_all_tags( $note->content ),
			'customer' => (bool) $note->customer_note,
			'by'       => $note->added_by,
		);
	}
	$meta = array();
	foreach ( array( '_ccb_checkout_id', '_ccb_checkout_ids', '_ccb_customer_id', '_ccb_level', '_ccb_payment_to_review', '_ccb_tax_id' ) as $key ) {
		$meta[ $key ] = $order->get_meta( $key );
	}
	// Where the checkout id really is: read from the tables, not through WooCommerce.
	$hpos_table = $wpdb->prefix . 'wc_orders_meta';
	$in_hpos    = $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $hpos_table ) ) === $hpos_table
		? $wpdb->get_col( $wpdb->prepare( "SELECT meta_value FROM {$hpos_table} WHERE order_id = %d AND meta_key = '_ccb_checkout_id'", $id ) ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		: array();
	$in_posts   = $wpdb->get_col( $wpdb->prepare( "SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key = '_ccb_checkout_id'", $id ) );
	// The bridge events the site handled for this order's checkouts (recorded once their handlers ran).
	$checkouts = array_filter( array_merge( (array) $meta['_ccb_checkout_ids'], array( $meta['_ccb_checkout_id'] ) ) );
	$events    = array();
	if ( $checkouts ) {
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT type, checkout_id, received_at FROM {$wpdb->prefix}ccb_events WHERE checkout_id IN (" . implode( ',', array_fill( 0, count( $checkouts ), '%s' ) ) . ') ORDER BY received_at', ...array_values( $checkouts ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare
		foreach ( (array) $rows as $row ) {
			$events[] = $row['type'];
		}
	}
	return array(
		'id'             => $id,
		'status'         => $order->get_status(),
		'paymentMethod'  => $order->get_payment_method(),
		'transactionId'  => $order->get_transaction_id(),
		'total'          => $order->get_total(),
		'currency'       => $order->get_currency(),
		'isPaid'         => $order->is_paid(),
		'billingEmail'   => $order->get_billing_email(),
		'createdVia'     => $order->get_created_via(),
		'editUrl'        => $order->get_edit_order_url(),
		'notes'          => $notes,
		'events'         => $events,
		'meta'           => $meta,
		'checkoutIdRows' => array(
			'wc_orders_meta' => $in_hpos,
			'postmeta'       => $in_posts,
		),
	);
}

switch ( $argv[3] ) {
	case 'storage':
		$ccb_result = ccb_storage();
		break;
	case 'order-by-email':
		$ccb_orders = wc_get_orders(
			array(
				'billing_email' => $argv[4],
				'limit'         => 1,
				'orderby'       => 'id',
				'order'         => 'DESC',
			)
		);
		$ccb_result = ccb_order( $ccb_orders[0] ?? false );
		break;
	case 'order':
		$ccb_result = ccb_order( wc_get_order( (int) $argv[4] ) );
		break;
	case 'level':
		update_option( 'ccb_level', $argv[4] ); // Pushed to the bridge by the plugin's own option hook.
		$ccb_result = array(
			'level' => get_option( 'ccb_level' ),
			'sync'  => get_option( 'ccb_sync_status' ),
		);
		break;
	case 'eval':
		$ccb_result = eval( $argv[4] ); // phpcs:ignore Squiz.PHP.Eval -- a local test helper.
		break;
	default:
		fwrite( STDERR, "inspect.php: unknown command {$argv[3]}\n" );
		exit( 2 );
}
echo wp_json_encode( $ccb_result ), "\n";
