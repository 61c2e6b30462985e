/**
 * The page's colours, named so a test can check every text colour against what it sits on (WCAG AA:
 * at least 4.5:1 for text, 3:1 for the focus ring and the banner's border).
 */
export const PAGE_COLORS = {
	text: '#1b1b1b',
	background: '#ffffff',
	muted: '#545454',
	bannerBackground: '#fff3cd',
	bannerBorder: '#8a6100',
	link: '#0b57d0',
	buttonText: '#ffffff',
	button: '#0b57d0',
	buttonHover: '#0842a0',
	rule: '#c8c8c8',
	focus: '#1b1b1b',
} as const;

const c = PAGE_COLORS;

/**
 * One column on a phone (390 px and up) without sideways scrolling: long words and URLs wrap, amounts
 * do not, buttons fill the width and are at least 44 px tall to be tapped.
 */
export const PAGE_CSS = `*,*::before,*::after{box-sizing:border-box}
html{color-scheme:light;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:44rem;padding:1rem;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:${ c.text };background:${ c.background };overflow-wrap:anywhere}
.banner{margin:0 0 1rem;padding:.75rem;background:${ c.bannerBackground };border:2px dashed ${ c.bannerBorder };font-weight:700}
.shop{margin:0;color:${ c.muted }}
h1{margin:.25rem 0 .5rem;font-size:1.5rem;line-height:1.25}
h2{margin:1.5rem 0 .5rem;font-size:1.125rem;line-height:1.3}
a{color:${ c.link }}
.back{display:inline-block;padding:.5rem 0;font-weight:600}
table{width:100%;border-collapse:collapse}
th,td{padding:.375rem .25rem;border-bottom:1px solid ${ c.rule };text-align:left;vertical-align:top}
thead th{font-size:.875rem;color:${ c.muted };overflow-wrap:normal;hyphens:auto}
tbody th{font-weight:400}
.num{padding-left:.5rem;text-align:right}
td.num{white-space:nowrap}
tfoot th,tfoot td{border-top:2px solid ${ c.text };border-bottom:0;font-weight:700}
.actions{display:flex;flex-wrap:wrap;gap:.5rem}
.actions form{margin:0}
button{min-height:2.75rem;padding:.5rem 1rem;border:0;border-radius:.25rem;font:inherit;color:${ c.buttonText };background:${ c.button };cursor:pointer}
button:hover{background:${ c.buttonHover }}
:focus-visible{outline:3px solid ${ c.focus };outline-offset:2px}
@media (max-width:30rem){body{padding:.75rem}th,td{padding:.375rem .125rem}.actions form,.actions button{width:100%}}`;
