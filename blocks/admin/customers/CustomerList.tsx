import {
	Button,
	Notice,
	SearchControl,
	SelectControl,
	Spinner,
} from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import type { Customer } from '@ccb/contract/customer';
import type { ListTotal } from '@ccb/contract/reports';
import { COUNTRY_CODES } from '@ccb/contract/countries';
import { formatDateOnly } from '../../shared/dates';
import { levelName } from '../../shared/levels';
import { exportCsv, listCustomers, type CustomerQuery } from './api';
import {
	downloadBlob,
	exportFailure,
	readCsvWithProgress,
} from '../shared/download';

const PER_PAGE = 25;
type Sort = { field: 'createdAt' | 'name' | 'email'; order: 'asc' | 'desc' };

/**
 * The customer list: search, filters, sortable columns and pages. Pages are keyset cursors from
 * the bridge, so page 400 of a million customers costs what page 1 does.
 * @param root0
 * @param root0.onOpen
 * @param root0.onCreate
 */
export default function CustomerList( {
	onOpen,
	onCreate,
}: {
	onOpen: ( id: string ) => void;
	onCreate: () => void;
} ) {
	const names = new Intl.DisplayNames(
		[ document.documentElement.lang || 'en' ],
		{ type: 'region' }
	);
	const countries = [ ...COUNTRY_CODES ]
		.map( ( code ) => ( { value: code, label: names.of( code ) ?? code } ) )
		.sort( ( a, b ) => a.label.localeCompare( b.label ) );
	type Option = { value: string; label: string };
	const levels: Option[] = [
		{ value: '', label: __( 'All', 'crypto-customer-bridge' ) },
		{ value: 'minimal', label: __( 'Minimal', 'crypto-customer-bridge' ) },
		{
			value: 'compliant',
			label: __( 'Compliant', 'crypto-customer-bridge' ),
		},
	];
	const payments: Option[] = [
		{ value: '', label: __( 'All', 'crypto-customer-bridge' ) },
		{ value: 'true', label: __( 'Has paid', 'crypto-customer-bridge' ) },
		{
			value: 'false',
			label: __( 'Has not paid', 'crypto-customer-bridge' ),
		},
	];
	const [ search, setSearch ] = useState( '' );
	const [ filters, setFilters ] = useState( {
		country: '',
		level: '',
		hasPayments: '',
	} );
	const [ sort, setSort ] = useState< Sort >( {
		field: 'createdAt',
		order: 'desc',
	} );
	const [ page, setPage ] = useState( 0 );
	const [ items, setItems ] = useState< Customer[] | null >( null );
	const [ total, setTotal ] = useState< ListTotal >( {
		count: 0,
		capped: false,
	} );
	const [ error, setError ] = useState( '' );
	const [ progress, setProgress ] = useState< string | null >( null );
	const cursors = useRef< Array< string | undefined > >( [ undefined ] );
	const query: CustomerQuery = {
		q: search.trim() || undefined,
		...filters,
		sort: sort.field,
		order: sort.order,
	};
	const queryKey = JSON.stringify( query );

	// A new search, filter or sort starts again at page one.
	useEffect( () => {
		cursors.current = [ undefined ];
		setPage( 0 );
	}, [ queryKey ] );

	useEffect( () => {
		let cancelled = false;
		const timer = setTimeout( () => {
			listCustomers( {
				...query,
				limit: PER_PAGE,
				cursor: cursors.current[ page ],
				withTotal: 'true',
			} ).then(
				( result ) => {
					if ( cancelled ) {
						return;
					}
					cursors.current[ page + 1 ] =
						result.nextCursor ?? undefined;
					setItems( result.items );
					setTotal(
						result.total ?? {
							count: result.items.length,
							capped: false,
						}
					);
					setError( '' );
				},
				( e ) => ! cancelled && setError( e.message )
			);
		}, 200 );
		return () => {
			cancelled = true;
			clearTimeout( timer );
		};
	}, [ queryKey, page ] ); // eslint-disable-line react-hooks/exhaustive-deps

	const exportAll = async ( filtered: boolean ) => {
		setProgress( __( 'Preparing the export…', 'crypto-customer-bridge' ) );
		try {
			const response = await exportCsv(
				filtered ? { q: query.q, ...filters } : {}
			);
			const blob = await readCsvWithProgress( response, ( rows, of ) =>
				setProgress(
					sprintf(
						/* translators: 1: rows so far, 2: rows in all */ __(
							'Exporting: %1$s of %2$s customers',
							'crypto-customer-bridge'
						),
						rows.toLocaleString(),
						of.toLocaleString()
					)
				)
			);
			downloadBlob(
				blob,
				`customers-${ new Date().toISOString().slice( 0, 10 ) }.csv`
			);
			setProgress( __( 'Export ready.', 'crypto-customer-bridge' ) );
		} catch ( e ) {
			setProgress( null );
			setError( await exportFailure( e ) );
		}
	};

	const header = ( field: Sort[ 'field' ], label: string ) => {
		const active = sort.field === field;
		const next: Sort = {
			field,
			order: active && sort.order === 'asc' ? 'desc' : 'asc',
		};
		const ascending = sort.order === 'asc';
		let ariaSort: 'ascending' | 'descending' | 'none' = 'none';
		let arrow = '';
		if ( active ) {
			ariaSort = ascending ? 'ascending' : 'descending';
			arrow = ascending ? '↑' : '↓';
		}
		return (
			<th scope="col" aria-sort={ ariaSort }>
				<Button variant="link" onClick={ () => setSort( next ) }>
					{ label } { arrow }
				</Button>
			</th>
		);
	};
	const pages = Math.max( 1, Math.ceil( total.count / PER_PAGE ) );

	return (
		<div className="ccb-customers__list">
			<p className="ccb-customers__toolbar">
				<Button variant="primary" onClick={ onCreate }>
					{ __( 'Add customer', 'crypto-customer-bridge' ) }
				</Button>{ ' ' }
				<Button
					variant="secondary"
					onClick={ () => exportAll( false ) }
				>
					{ __( 'Export all (CSV)', 'crypto-customer-bridge' ) }
				</Button>{ ' ' }
				<Button variant="secondary" onClick={ () => exportAll( true ) }>
					{ __(
						'Export these results (CSV)',
						'crypto-customer-bridge'
					) }
				</Button>
			</p>
			<div aria-live="polite">
				{ progress && (
					<p className="ccb-customers__progress">{ progress }</p>
				) }
				{ error && (
					<Notice status="error" isDismissible={ false }>
						{ error }
					</Notice>
				) }
			</div>
			<div className="ccb-customers__filters">
				<SearchControl
					__nextHasNoMarginBottom
					label={ __(
						'Search name, email, company or tax ID',
						'crypto-customer-bridge'
					) }
					value={ search }
					onChange={ setSearch }
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Country', 'crypto-customer-bridge' ) }
					value={ filters.country }
					options={ [
						{
							value: '',
							label: __( 'All', 'crypto-customer-bridge' ),
						},
						...countries,
					] }
					onChange={ ( country: string ) =>
						setFilters( { ...filters, country } )
					}
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Level', 'crypto-customer-bridge' ) }
					value={ filters.level }
					options={ levels }
					onChange={ ( level: string ) =>
						setFilters( { ...filters, level } )
					}
				/>
				<SelectControl
					__nextHasNoMarginBottom
					label={ __( 'Payments', 'crypto-customer-bridge' ) }
					value={ filters.hasPayments }
					options={ payments }
					onChange={ ( hasPayments: string ) =>
						setFilters( { ...filters, hasPayments } )
					}
				/>
			</div>
			<p className="ccb-customers__count">
				{ total.capped
					? sprintf(
							/* translators: %s: how many customers a search counted before it stopped counting, e.g. 1,000 */ __(
								'More than %s customers',
								'crypto-customer-bridge'
							),
							total.count.toLocaleString()
						)
					: sprintf(
							/* translators: %s: number of customers */ __(
								'%s customers',
								'crypto-customer-bridge'
							),
							total.count.toLocaleString()
						) }
			</p>
			{ items === null ? (
				<Spinner />
			) : (
				<table className="wp-list-table widefat fixed striped">
					<thead>
						<tr>
							{ header(
								'name',
								__( 'Name', 'crypto-customer-bridge' )
							) }
							{ header(
								'email',
								__( 'Email', 'crypto-customer-bridge' )
							) }
							<th scope="col">
								{ __( 'Company', 'crypto-customer-bridge' ) }
							</th>
							<th scope="col">
								{ __( 'Country', 'crypto-customer-bridge' ) }
							</th>
							<th scope="col">
								{ __( 'Level', 'crypto-customer-bridge' ) }
							</th>
							{ header(
								'createdAt',
								__( 'Created', 'crypto-customer-bridge' )
							) }
						</tr>
					</thead>
					<tbody>
						{ items.length === 0 && (
							<tr>
								<td colSpan={ 6 }>
									{ __(
										'No customers match.',
										'crypto-customer-bridge'
									) }
								</td>
							</tr>
						) }
						{ items.map( ( c ) => (
							<tr key={ c.id }>
								<td>
									<Button
										variant="link"
										onClick={ () => onOpen( c.id ) }
									>
										{ [ c.firstName, c.lastName ]
											.filter( Boolean )
											.join( ' ' ) ||
											__(
												'(erased)',
												'crypto-customer-bridge'
											) }
									</Button>
								</td>
								<td>{ c.email }</td>
								<td>{ c.company }</td>
								<td>
									{ c.countryCode
										? names.of( c.countryCode )
										: '' }
								</td>
								<td>{ levelName( c.level ) }</td>
								<td>{ formatDateOnly( c.createdAt ) }</td>
							</tr>
						) ) }
					</tbody>
				</table>
			) }
			<nav
				className="ccb-customers__pages"
				aria-label={ __( 'Pages', 'crypto-customer-bridge' ) }
			>
				<Button
					variant="secondary"
					disabled={ page === 0 }
					onClick={ () => setPage( page - 1 ) }
				>
					{ __( 'Previous', 'crypto-customer-bridge' ) }
				</Button>{ ' ' }
				<span>
					{ total.capped
						? sprintf(
								/* translators: 1: page, 2: pages counted so far (there are more) */ __(
									'Page %1$d of more than %2$s',
									'crypto-customer-bridge'
								),
								page + 1,
								pages.toLocaleString()
							)
						: sprintf(
								/* translators: 1: page, 2: pages */ __(
									'Page %1$d of %2$s',
									'crypto-customer-bridge'
								),
								page + 1,
								String( pages )
							) }
				</span>{ ' ' }
				<Button
					variant="secondary"
					disabled={ ! cursors.current[ page + 1 ] }
					onClick={ () => setPage( page + 1 ) }
				>
					{ __( 'Next', 'crypto-customer-bridge' ) }
				</Button>
			</nav>
		</div>
	);
}
