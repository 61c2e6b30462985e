#!/usr/bin/env bash
# Fetches WordPress and its core translations from Debian packages into $1 without installing anything:
# a private APT configuration reads the package lists of suite $2; the .debs are only downloaded and unpacked.
#   fetch-wordpress.sh DEST          WordPress 6.8 (Debian 13 "trixie", the default)
#   fetch-wordpress.sh DEST sid      WordPress 7.1 (Debian "sid"/unstable)
# Debian 12's own wordpress package (6.1) is too old for the block editor's react-jsx-runtime.
set -euo pipefail
dest=$(realpath -m "${1:?usage: fetch-wordpress.sh DEST [trixie|sid]}")
suite=${2:-trixie}
[ -f "$dest/wp-includes/version.php" ] && exit 0

packages=(wordpress wordpress-l10n wordpress-theme-twentytwentyfive libjs-lodash libjs-underscore libjs-cropper php-getid3)
case "$suite" in
  trixie) ;;
  # sid's package links jQuery UI and PHPMailer from their own packages instead of bundling them.
  sid | unstable) packages+=(libjs-jquery-ui libphp-phpmailer) ;;
  *) echo "fetch-wordpress.sh: unknown suite '$suite' (trixie or sid)" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs" "$work/root"

# Same mirror as the machine's own Debian source, suite renamed.
uri=$(grep -h -m1 '^URIs:' /etc/apt/sources.list.d/debian.sources 2>/dev/null | awk '{print $2}')
uri=${uri:-http://deb.debian.org/debian}
cat > "$work/sources.list" <<LIST
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $suite main
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
apt-get download -qq -o APT::Sandbox::User=root "${packages[@]}"
for deb in *.deb; do dpkg-deb -x "$deb" "$work/root"; done

# Debian points some files at /etc (wp-config, .htaccess): drop those links, resolve the rest
# (to the unpacked lodash, getID3, theme, core translations: WordPress accepts a site language only
# when core has it) into a plain tree. Any other broken link means a package is missing above.
rm -f "$work/root/usr/share/wordpress/wp-config.php"
broken=$(find "$work/root/usr/share/wordpress" -xtype l -not -lname '/etc/*' || true)
if [ -n "$broken" ]; then
  echo "fetch-wordpress.sh: links to files no downloaded package holds:" >&2
  echo "$broken" >&2
  exit 1
fi
find "$work/root" -xtype l -delete
# Built beside the destination and moved into place at once: another run that finds the folder finds it whole.
mkdir -p "$(dirname "$dest")"
staged=$(mktemp -d "$dest.partial.XXXXXX")
trap 'rm -rf "$work" "$staged"' EXIT
cp -rL "$work/root/usr/share/wordpress/." "$staged/"
chmod 755 "$staged"
if [ -f "$dest/wp-includes/version.php" ]; then
  echo "fetch-wordpress.sh: $dest was fetched meanwhile by another run" >&2
else
  rm -rf "$dest"
  mv "$staged" "$dest"
fi
grep -o "wp_version = '[^']*'" "$dest/wp-includes/version.php"
