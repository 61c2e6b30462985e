// @wordpress/block-editor ships no usable types; these are the few pieces the block uses.
declare module '@wordpress/block-editor' {
	import type { ComponentType, ReactNode } from 'react';
	export function useBlockProps(
		props?: Record< string, unknown >
	): Record< string, unknown >;
	export const InspectorControls: ComponentType< { children?: ReactNode } >;
}
