#!/bin/sh
# Regenerates libs/esign/src/__fixtures__/openssl (content.bin is the signed bytes; a .bin so that
# no formatter touches it): CMS made by OpenSSL (an implementation other
# than our dev-pki signer) for the interoperability tests. Certificates are valid for 100 years.
#   sh libs/esign/scripts/make-openssl-fixtures.sh
set -eu
OUT="$(cd "$(dirname "$0")/.." && pwd)/src/__fixtures__/openssl"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
cd "$TMP"

cat > ca.ext <<'X'
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
X
cat > sign.ext <<'X'
keyUsage=critical,digitalSignature,nonRepudiation
extendedKeyUsage=emailProtection
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
X

openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 36500 -utf8 \
  -subj "/CN=OpenSSL Test Root (Jiyn)/C=KZ" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
# An NCA-like subject: CN, SURNAME, SERIALNUMBER=IIN, C, O, OU=BIN, G (patronymic), all UTF-8.
openssl req -new -newkey rsa:2048 -nodes -keyout p.key -out p.csr -utf8 \
  -subj "/CN=СЕРІКОВ АЙДОС/SN=СЕРІКОВ/serialNumber=IIN880202300013/C=KZ/O=ТОО \"Тест\"/OU=BIN150340000019/GN=ЕРЛАНҰЛЫ" 2>/dev/null
openssl x509 -req -in p.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 36500 -extfile sign.ext -out p.pem 2>/dev/null

printf '%s' '{"form":"picket","purpose":"Тест","signature":null}' > content.bin
# attached, streamed: BER with indefinite lengths and a constructed OCTET STRING
openssl cms -sign -binary -nodetach -stream -md sha256 -signer p.pem -inkey p.key -in content.bin -outform DER -out attached-ber.der
# detached, CAdES-BES (signingCertificateV2), subject key identifier as the signer id
openssl cms -sign -binary -cades -keyid -md sha256 -signer p.pem -inkey p.key -in content.bin -outform DER -out detached-cades.der

cp ca.pem p.pem content.bin "$OUT/"
base64 -w 64 attached-ber.der > "$OUT/attached-ber.b64"
base64 -w 64 detached-cades.der > "$OUT/detached-cades.b64"
echo "written to $OUT"
