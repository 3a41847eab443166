#!/usr/bin/env bash
# Regenerates the example certificates with OpenSSL: a three-level web-PKI-shaped chain
# (root -> issuing CA -> www.example.com) plus the bad variants the README and tests use:
# expired, CN-only, RSA-1024, out of order, the leaf without its intermediate (leaf-only.pem),
# a clientAuth-only leaf (client-auth-chain.pem) and a self-signed leaf (self-signed.pem).
# Keys are made fresh on every run, so the output differs byte for byte each time; the tests
# assert on names, dates and structure, never on key bytes or fingerprints.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat >"$work/ca.cnf" <<'CNF'
[ca]
default_ca = ex
[ex]
database = $ENV::WORK/index.txt
new_certs_dir = $ENV::WORK
serial = $ENV::WORK/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
# openssl ca writes the subject in the order of this section: most significant first
countryName = optional
organizationName = optional
commonName = supplied
[root_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[issuing_ext]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, digitalSignature, keyCertSign, cRLSign
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
certificatePolicies = 2.23.140.1.2.1
authorityInfoAccess = caIssuers;URI:http://pki.example.com/root.der
crlDistributionPoints = URI:http://pki.example.com/root.crl
[leaf_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:www.example.com, DNS:example.com, DNS:*.static.example.com
certificatePolicies = 2.23.140.1.2.1
authorityInfoAccess = OCSP;URI:http://ocsp.example.com, caIssuers;URI:http://pki.example.com/issuing.der
crlDistributionPoints = URI:http://pki.example.com/issuing.crl
[nosan_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
[client_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:www.example.com
[selfsigned_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
subjectAltName = DNS:www.example.com
CNF
export WORK="$work"
: >"$work/index.txt"
echo 1000 >"$work/serial"

# sign NAME ISSUER EXT START END SUBJECT [KEYSPEC]
sign() {
  local name=$1 issuer=$2 ext=$3 start=$4 end=$5 subj=$6 keyspec=${7:-ec}
  if [ "$keyspec" = ec ]; then
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/$name.key" 2>/dev/null
  else
    openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:$keyspec" -out "$work/$name.key" 2>/dev/null
  fi
  openssl req -new -key "$work/$name.key" -subj "$subj" -out "$work/$name.csr"
  local signer=(-cert "$work/$issuer.pem" -keyfile "$work/$issuer.key")
  [ "$issuer" = self ] && signer=(-selfsign -keyfile "$work/$name.key")
  openssl ca -batch -config "$work/ca.cnf" -notext -in "$work/$name.csr" -out "$work/$name.pem" \
    "${signer[@]}" -extensions "$ext" -startdate "$start" -enddate "$end" 2>/dev/null
}

sign root self root_ext 20240101000000Z 20440101000000Z "/C=US/O=Example Trust Services/CN=Example Root CA R1" 4096
sign issuing root issuing_ext 20240201000000Z 20340201000000Z "/C=US/O=Example Trust Services/CN=Example Issuing CA E1"
sign leaf issuing leaf_ext 20260901000000Z 20280901000000Z "/CN=www.example.com"
sign expired issuing leaf_ext 20240301000000Z 20250301000000Z "/CN=www.example.com"
sign nosan issuing nosan_ext 20260901000000Z 20280901000000Z "/CN=legacy.example.com"
sign weak issuing leaf_ext 20260901000000Z 20280901000000Z "/CN=www.example.com" 1024
sign client issuing client_ext 20260901000000Z 20280901000000Z "/CN=www.example.com"
sign selfsigned self selfsigned_ext 20260901000000Z 20280901000000Z "/CN=www.example.com"

cat "$work/leaf.pem" "$work/issuing.pem" >fullchain.pem
cat "$work/root.pem" >root.pem
cat "$work/issuing.pem" "$work/leaf.pem" >out-of-order.pem
cat "$work/expired.pem" "$work/issuing.pem" >expired-chain.pem
cat "$work/nosan.pem" >no-san.pem
cat "$work/weak.pem" >weak-key.pem
cat "$work/leaf.pem" >leaf-only.pem
cat "$work/client.pem" "$work/issuing.pem" >client-auth-chain.pem
cat "$work/selfsigned.pem" >self-signed.pem
{ echo "# leaf, chain and key in one file, as some load balancers want it"; cat "$work/leaf.pem" "$work/issuing.pem" "$work/leaf.key"; } >with-private-key.pem
openssl x509 -in "$work/leaf.pem" -outform DER -out leaf.der
openssl crl2pkcs7 -nocrl -certfile "$work/leaf.pem" -certfile "$work/issuing.pem" -certfile "$work/root.pem" -outform DER -out chain.p7b
echo "regenerated example certificates in $(pwd)"
