import { useCallback, useEffect, useState } from '@wordpress/element';

/**
 * The screen's place in the address's hash (`#<id>`, `#<id>/edit`, `#new`), so every detail and
 * form has a URL: Back returns to the list, reload and bookmarks reopen the same view, and other
 * screens can link to it.
 */
export function useHashRoute(): [ string, ( route: string ) => void ] {
	const read = () => window.location.hash.replace( /^#/, '' );
	const [ route, setRoute ] = useState( read );
	useEffect( () => {
		const follow = () => setRoute( read() );
		window.addEventListener( 'hashchange', follow );
		return () => window.removeEventListener( 'hashchange', follow );
	}, [] );
	const navigate = useCallback( ( next: string ) => {
		if ( next === read() ) {
			return;
		}
		if ( next ) {
			// A history entry per view: the browser's Back goes to the previous one.
			window.location.hash = next;
		} else {
			window.history.pushState(
				null,
				'',
				window.location.pathname + window.location.search
			);
			setRoute( '' );
			return;
		}
		setRoute( next );
	}, [] );
	return [ route, navigate ];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The id a route names (`<id>` or `<id>/…`), or null.
 * @param route The route.
 */
export function routeId( route: string ): string | null {
	const id = route.split( '/' )[ 0 ] ?? '';
	return UUID.test( id ) ? id : null;
}
