#!/usr/bin/env bash
# Fetches WordPress 6.8 and its core translations (Debian 13 "trixie" packages) into $1 without installing anything from trixie:
# a private APT configuration reads trixie's package lists; the .debs are only downloaded and unpacked.
# Debian 12's own wordpress package (6.1) is too old for the block editor's react-jsx-runtime.
set -euo pipefail
dest=$(realpath -m "${1:?usage: fetch-wordpress.sh DEST}")
[ -f "$dest/wp-includes/version.php" ] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs" "$work/root"

# Same mirror as the machine's own Debian source, suite renamed.
uri=$(grep -h -m1 '^URIs:' /etc/apt/sources.list.d/debian.sources 2>/dev/null | awk '{print $2}')
uri=${uri:-http://deb.debian.org/debian}
cat > "$work/sources.list" <<LIST
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main
LIST
cat > "$work/apt.conf" <<CONF
Dir::Etc::SourceList "$work/sources.list";
Dir::Etc::SourceParts "/dev/null";
Dir::State::Lists "$work/lists";
Dir::Cache "$work/cache";
Dir::State::status "/dev/null";
APT::Get::List-Cleanup "false";
CONF
export APT_CONFIG="$work/apt.conf"
apt-get update -qq -o APT::Sandbox::User=root
cd "$work/debs"
apt-get download -qq -o APT::Sandbox::User=root wordpress wordpress-l10n wordpress-theme-twentytwentyfive libjs-lodash libjs-underscore libjs-cropper php-getid3
for deb in *.deb; do dpkg-deb -x "$deb" "$work/root"; done

mkdir -p "$dest"
# Debian points some files at /etc (wp-config, .htaccess): drop those links, resolve the rest
# (to the unpacked lodash, getID3, theme, core translations: WordPress accepts a site language only
# when core has it) into a plain tree.
find "$work/root" -xtype l -delete
rm -f "$work/root/usr/share/wordpress/wp-config.php"
cp -rL "$work/root/usr/share/wordpress/." "$dest/"
grep -o "wp_version = '[^']*'" "$dest/wp-includes/version.php"
