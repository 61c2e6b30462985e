<?php
/**
 * The checkout block: registration, and finding a saved block by id.
 *
 * @package CryptoCustomerBridge
 */

namespace CryptoCustomerBridge\Blocks;

use CryptoCustomerBridge\Plugin;
use CryptoCustomerBridge\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the block from its block.json (build/checkout) and gives the editor the site settings
 * it needs for its preview. The amounts charged are read back from the saved post here, so a
 * shopper cannot change them.
 */
final class CheckoutBlock {

	const NAME = 'crypto-customer-bridge/checkout';

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
		add_action( 'init', array( $this, 'register_block' ) );
		( new CheckoutPost( $this->settings ) )->register();
		add_action( 'enqueue_block_editor_assets', array( $this, 'editor_settings' ) );
	}

	/**
	 * Registers the block type and its editor script's translations (the shopper's script has no
	 * strings of its own: the page gives it every sentence).
	 */
	public function register_block(): void {
		$type = register_block_type( Plugin::path( 'build/checkout' ) );
		if ( ! $type ) {
			return;
		}
		foreach ( $type->editor_script_handles as $handle ) {
			wp_set_script_translations( $handle, 'crypto-customer-bridge', Plugin::path( 'build/languages' ) );
		}
	}

	/**
	 * The site level and threshold for the editor's preview.
	 */
	public function editor_settings(): void {
		$handle = generate_block_asset_handle( self::NAME, 'editorScript' );
		wp_add_inline_script(
			$handle,
			'window.ccbEditorSettings = ' . wp_json_encode(
				array(
					'siteLevel'         => $this->settings->level(),
					'threshold'         => $this->settings->threshold(),
					'settingsUrl'       => admin_url( 'admin.php?page=crypto-customer-bridge' ),
					'billingCurrencies' => $this->settings->billing_currencies(),
				)
			) . ';',
			'before'
		);
	}

	/**
	 * The attributes of a checkout block with this id in a published, viewable post.
	 *
	 * @param int    $post_id  Post.
	 * @param string $block_id The block's own id attribute.
	 * @return array{blockId: string, currency: string, items: array<int, array<string, mixed>>, total: string, level: string}|null
	 */
	public static function find_in_post( int $post_id, string $block_id ): ?array {
		$post = get_post( $post_id );
		if ( ! $post || 'publish' !== $post->post_status || ! is_post_publicly_viewable( $post ) || post_password_required( $post ) ) {
			return null;
		}
		$found = self::search( parse_blocks( $post->post_content ), $block_id );
		$type  = \WP_Block_Type_Registry::get_instance()->get_registered( self::NAME );
		if ( $found && $type ) {
			// Saved markup omits attributes equal to their defaults (currency EUR): apply them as rendering does.
			$found = $type->prepare_attributes_for_render( $found );
		}
		if ( ! $found || empty( $found['items'] ) || empty( $found['currency'] ) || empty( $found['total'] ) ) {
			return null;
		}
		return array(
			'blockId'  => $block_id,
			'currency' => (string) $found['currency'],
			'items'    => (array) $found['items'],
			'total'    => (string) $found['total'],
			'level'    => (string) ( $found['level'] ?? '' ),
		);
	}

	/**
	 * Depth-first search for the block.
	 *
	 * @param array<int, array<string, mixed>> $blocks   Parsed blocks.
	 * @param string                           $block_id Id.
	 * @return array<string, mixed>|null Its attributes.
	 */
	private static function search( array $blocks, string $block_id ): ?array {
		foreach ( $blocks as $block ) {
			if ( self::NAME === ( $block['blockName'] ?? '' ) && ( $block['attrs']['blockId'] ?? '' ) === $block_id ) {
				return (array) $block['attrs'];
			}
			$inner = self::search( (array) ( $block['innerBlocks'] ?? array() ), $block_id );
			if ( $inner ) {
				return $inner;
			}
		}
		return null;
	}

	/**
	 * The block's items as the bridge's line items.
	 *
	 * @param array{items: array<int, array<string, mixed>>} $block Attributes from find_in_post().
	 * @return array<int, array{description: string, netAmount: string, quantity: int}>
	 */
	public static function line_items( array $block ): array {
		return array_values(
			array_map(
				static function ( $item ) {
					return array(
						'description' => (string) ( $item['description'] ?? '' ),
						'netAmount'   => (string) ( $item['amount'] ?? '' ),
						'quantity'    => max( 1, (int) ( $item['quantity'] ?? 1 ) ),
					);
				},
				$block['items']
			)
		);
	}
}
