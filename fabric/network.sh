#!/usr/bin/env bash
# A real Hyperledger Fabric network on loopback for Suyuan: one etcdraft orderer, a peer for the operator
# (SuyuanMSP) and one for the city agriculture bureau (BureauMSP), the channel "suyuan", and the Suyuan contract
# committed with the endorsement policy AND(SuyuanMSP.peer, BureauMSP.peer) and running as a service beside each
# peer. Native processes, free ports, one directory holding everything; nothing is downloaded.
#
#   fabric/network.sh up [DIR]            bring a network up in DIR (default: a new temporary directory)
#   fabric/network.sh down DIR            stop all its processes and delete DIR
#   fabric/network.sh stop COMPONENT DIR  stop one of: orderer peer-suyuan peer-bureau chaincode-suyuan chaincode-bureau
#   fabric/network.sh start COMPONENT DIR start it again and wait until it serves
#   fabric/network.sh status DIR          which components run
#
# Settings (environment):
#   FABRIC_BIN           directory with peer, orderer, configtxgen, cryptogen, osnadmin (Fabric 2.4.4+ or 2.5,
#                        official release or built from source); default: found on PATH
#   CHAINCODE_JAR        the contract's service jar; default chaincode/target/suyuan-chaincode-*-service.jar
#                        (build it with ./mvnw -B -q -pl chaincode -am -DskipTests package)
#   BATCH_TIMEOUT        the orderer's block cutting timeout; default 2s (Fabric's own default)
#   JAVA                 the java command for the contract; default java
#   CHAINCODE_JAVA_OPTS  JVM options of the contract; default -Xmx256m -XX:+UseSerialGC
#
# After "up", DIR holds network.env (endpoints and files, sourced by the other commands), suyuan-app.properties
# (the application's suyuan.ledger.* settings), and operator-fabric.properties / bureau-fabric.properties (the
# offline verifier's --fabric settings, as the operator and as the bureau). Logs are in DIR/logs.
set -euo pipefail

readonly PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly FABRIC_DIR="$PROJECT_DIR/fabric"
CHANNEL=suyuan
CHAINCODE=suyuan
readonly CHAINCODE_VERSION=1.0
ENDORSEMENT_POLICY="AND('SuyuanMSP.peer','BureauMSP.peer')"
readonly ORGS=(suyuan bureau)
readonly COMPONENTS=(orderer peer-suyuan peer-bureau chaincode-suyuan chaincode-bureau)
readonly READY_TIMEOUT=${READY_TIMEOUT:-180}

log() { printf '[network %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
}

# ---------------------------------------------------------------------------------------------------------------
# Tools and ports

fabric_tool() {
    local name=$1
    if [ -n "${FABRIC_BIN:-}" ]; then
        [ -x "$FABRIC_BIN/$name" ] || die "FABRIC_BIN=$FABRIC_BIN has no executable $name"
        printf '%s\n' "$FABRIC_BIN/$name"
    else
        command -v "$name" || die "$name is not on PATH; set FABRIC_BIN to the directory holding the Fabric binaries"
    fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

USED_PORTS=" "
# Ports come from below the kernel's ephemeral range: a free port in that range can be taken as the source port of
# some outgoing connection (a test's HTTP client, a database pool) between the check here and the component's bind.
EPHEMERAL_LOW=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
if ((EPHEMERAL_LOW > 12000)); then
    PORT_BASE=10000 PORT_SPAN=$((EPHEMERAL_LOW - 10000))
else
    PORT_BASE=20000 PORT_SPAN=40000
fi
# Sets the variable named $1 to a free loopback port not handed out before in this run.
allocate_port() {
    local port
    while :; do
        port=$((PORT_BASE + (RANDOM * 32768 + RANDOM) % PORT_SPAN))
        if [[ "$USED_PORTS" != *" $port "* ]] && ! port_in_use "$port"; then
            USED_PORTS+="$port "
            printf -v "$1" '%s' "$port"
            return
        fi
    done
}

# Runs "$@" until it succeeds or READY_TIMEOUT seconds pass; $1 says what is awaited.
wait_until() {
    local what=$1
    shift
    local deadline=$((SECONDS + READY_TIMEOUT))
    until "$@" >/dev/null 2>&1; do
        assert_components_alive "$what"
        if ((SECONDS >= deadline)); then
            die "timed out after ${READY_TIMEOUT}s waiting for $what (logs: $NETWORK_DIR/logs)"
        fi
        sleep 0.5
    done
}

render() {
    local template=$1 target=$2
    shift 2
    local script=()
    while (($#)); do
        script+=(-e "s|@$1@|$2|g")
        shift 2
    done
    sed "${script[@]}" "$template" >"$target"
    if grep -q '@[A-Z_]*@' "$target"; then
        die "unreplaced placeholder in $target: $(grep -o '@[A-Z_]*@' "$target" | head -1)"
    fi
}

# ---------------------------------------------------------------------------------------------------------------
# Processes: each component runs in its own session, its pid in DIR/pids, its output appended to DIR/logs.

pid_of() {
    local file="$NETWORK_DIR/pids/$1.pid"
    [ -f "$file" ] && cat "$file"
}

is_running() {
    local pid
    pid=$(pid_of "$1") || return 1
    kill -0 "$pid" 2>/dev/null
}

# A component that exited while something is awaited will not come back by waiting: say which, and why.
assert_components_alive() {
    local file name
    for file in "$NETWORK_DIR"/pids/*.pid; do
        [ -e "$file" ] || continue
        name=$(basename "$file" .pid)
        if ! is_running "$name"; then
            tail -n 5 "$NETWORK_DIR/logs/$name.log" >&2 || true
            die "$name exited while waiting for $1 (log: $NETWORK_DIR/logs/$name.log)"
        fi
    done
}

launch() {
    local name=$1
    shift
    is_running "$name" && die "$name already runs (pid $(pid_of "$name"))"
    mkdir -p "$NETWORK_DIR/logs" "$NETWORK_DIR/pids"
    printf '\n===== started %s =====\n' "$(date -Is)" >>"$NETWORK_DIR/logs/$name.log"
    setsid "$@" >>"$NETWORK_DIR/logs/$name.log" 2>&1 </dev/null &
    echo $! >"$NETWORK_DIR/pids/$name.pid"
}

terminate() {
    local name=$1 pid
    pid=$(pid_of "$name") || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 40); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.25
        done
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$NETWORK_DIR/pids/$name.pid"
}

log_lines() {
    local file="$NETWORK_DIR/logs/$1.log"
    if [ -f "$file" ]; then wc -l <"$file"; else echo 0; fi
}

# ---------------------------------------------------------------------------------------------------------------
# Identities and the CLI

domain_of() { printf '%s.example' "$1"; }
msp_id_of() { case $1 in suyuan) echo SuyuanMSP ;; bureau) echo BureauMSP ;; esac; }
peer_port_of() { case $1 in suyuan) echo "$SUYUAN_PEER_PORT" ;; bureau) echo "$BUREAU_PEER_PORT" ;; esac; }
peer_tls_ca_of() { printf '%s/peerOrganizations/%s/peers/peer0.%s/tls/ca.crt' "$CRYPTO" "$(domain_of "$1")" "$(domain_of "$1")"; }
orderer_tls_dir() { printf '%s/ordererOrganizations/orderer.example/orderers/orderer0.orderer.example/tls' "$CRYPTO"; }

# The peer CLI as the organisation's administrator, talking to the organisation's peer.
peer_as_admin() {
    local org=$1
    shift
    local domain
    domain=$(domain_of "$org")
    FABRIC_CFG_PATH="$NETWORK_DIR/peers/$org" \
        CORE_PEER_LOCALMSPID="$(msp_id_of "$org")" \
        CORE_PEER_MSPCONFIGPATH="$CRYPTO/peerOrganizations/$domain/users/Admin@$domain/msp" \
        CORE_PEER_ADDRESS="127.0.0.1:$(peer_port_of "$org")" \
        CORE_PEER_TLS_ENABLED=true \
        CORE_PEER_TLS_ROOTCERT_FILE="$(peer_tls_ca_of "$org")" \
        "$PEER" "$@"
}

orderer_args() {
    printf '%s\n' -o "127.0.0.1:$ORDERER_PORT" --tls --cafile "$(orderer_tls_dir)/ca.crt"
}

# ---------------------------------------------------------------------------------------------------------------
# Components

start_orderer() {
    local before
    before=$(log_lines orderer)
    launch orderer env FABRIC_CFG_PATH="$NETWORK_DIR/orderer" "$ORDERER"
    if [ "${1:-}" = restart ]; then
        wait_for_raft_leader "$before"
    fi
}

wait_for_raft_leader() {
    local after_line=$1
    # A single-node raft elects itself; until then the channel accepts no transactions.
    wait_until "the orderer's raft leader" \
        bash -c "tail -n +$((after_line + 1)) '$NETWORK_DIR/logs/orderer.log' | grep -q 'Raft leader changed: 0 -> '"
}

start_peer() {
    local org=$1
    launch "peer-$org" env FABRIC_CFG_PATH="$NETWORK_DIR/peers/$org" "$PEER" node start
    wait_until "peer of $org" peer_as_admin "$org" channel list
    if [ "${2:-}" = restart ]; then
        wait_until "peer of $org on channel $CHANNEL" peer_as_admin "$org" channel getinfo -c "$CHANNEL"
    fi
}

start_chaincode() {
    local org=$1 port package_id
    port=$(chaincode_port_of "$org")
    package_id=$(cat "$NETWORK_DIR/chaincode/$org/package-id")
    # The shim's ContractRouter serves the contract itself when these two are set (chaincode-as-a-service).
    launch "chaincode-$org" env CHAINCODE_SERVER_ADDRESS="127.0.0.1:$port" CORE_CHAINCODE_ID_NAME="$package_id" \
        "$JAVA_COMMAND" $CHAINCODE_JAVA_OPTS -jar "$CHAINCODE_JAR"
}

chaincode_port_of() { case $1 in suyuan) echo "$SUYUAN_CHAINCODE_PORT" ;; bureau) echo "$BUREAU_CHAINCODE_PORT" ;; esac; }

contract_answers() {
    # A lookup of a root nobody anchors: the contract's own "not found" proves that it ran on this peer.
    local answer
    answer=$(peer_as_admin "$1" chaincode query -C "$CHANNEL" -n "$CHAINCODE" \
        -c '{"Args":["getAnchor","0000000000000000000000000000000000000000000000000000000000000000"]}' 2>&1) || true
    [[ "$answer" == *ANCHOR_NOT_FOUND* ]]
}

wait_for_contract() {
    wait_until "the contract on the peer of $1" contract_answers "$1"
}

# ---------------------------------------------------------------------------------------------------------------
# Commands

load_network() {
    NETWORK_DIR=$(cd "${1:?network directory}" && pwd)
    [ -f "$NETWORK_DIR/network.env" ] || die "$NETWORK_DIR holds no network (no network.env)"
    # shellcheck source=/dev/null
    source "$NETWORK_DIR/network.env"
    PEER=$(fabric_tool peer)
    ORDERER=$(fabric_tool orderer)
    JAVA_COMMAND=${JAVA:-java}
}

up() {
    NETWORK_DIR=${1:-$(mktemp -d "${TMPDIR:-/tmp}/suyuan-fabric.XXXXXX")}
    mkdir -p "$NETWORK_DIR"
    NETWORK_DIR=$(cd "$NETWORK_DIR" && pwd)
    [ -e "$NETWORK_DIR/network.env" ] && die "$NETWORK_DIR already holds a network; use another directory or run down"

    local cryptogen configtxgen osnadmin
    PEER=$(fabric_tool peer)
    ORDERER=$(fabric_tool orderer)
    cryptogen=$(fabric_tool cryptogen)
    configtxgen=$(fabric_tool configtxgen)
    osnadmin=$(fabric_tool osnadmin)
    JAVA_COMMAND=${JAVA:-java}
    command -v "$JAVA_COMMAND" >/dev/null || die "no java command ($JAVA_COMMAND) for the contract"
    if [ -z "${CHAINCODE_JAR:-}" ]; then
        CHAINCODE_JAR=$(ls "$PROJECT_DIR"/chaincode/target/suyuan-chaincode-*-service.jar 2>/dev/null | head -1 || true)
    fi
    [ -f "${CHAINCODE_JAR:-}" ] ||
        die "no contract jar; build it with ./mvnw -B -q -pl chaincode -am -DskipTests package, or set CHAINCODE_JAR"
    CHAINCODE_JAR=$(cd "$(dirname "$CHAINCODE_JAR")" && pwd)/$(basename "$CHAINCODE_JAR")
    CHAINCODE_JAVA_OPTS=${CHAINCODE_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
    BATCH_TIMEOUT=${BATCH_TIMEOUT:-2s}
    CRYPTO="$NETWORK_DIR/crypto"

    # A failure half-way leaves no process behind; the directory stays for its logs.
    trap 'log "up failed; stopping what was started (logs stay in $NETWORK_DIR/logs)"; stop_all' EXIT

    log "network in $NETWORK_DIR with $("$PEER" version | sed -n 's/^ Version: //p' | head -1) binaries"
    for name in ORDERER_PORT ORDERER_ADMIN_PORT ORDERER_OPERATIONS_PORT \
        SUYUAN_PEER_PORT SUYUAN_PEER_CHAINCODE_PORT SUYUAN_PEER_OPERATIONS_PORT SUYUAN_CHAINCODE_PORT \
        BUREAU_PEER_PORT BUREAU_PEER_CHAINCODE_PORT BUREAU_PEER_OPERATIONS_PORT BUREAU_CHAINCODE_PORT; do
        allocate_port "$name"
    done

    log "identities (cryptogen)"
    "$cryptogen" generate --config="$FABRIC_DIR/config/crypto-config.yaml" --output="$CRYPTO" >/dev/null

    log "channel genesis block (configtxgen, BatchTimeout $BATCH_TIMEOUT)"
    mkdir -p "$NETWORK_DIR/channel"
    render "$FABRIC_DIR/config/configtx.yaml" "$NETWORK_DIR/channel/configtx.yaml" \
        CRYPTO "$CRYPTO" ORDERER_PORT "$ORDERER_PORT" SUYUAN_PEER_PORT "$SUYUAN_PEER_PORT" \
        BUREAU_PEER_PORT "$BUREAU_PEER_PORT" BATCH_TIMEOUT "$BATCH_TIMEOUT"
    FABRIC_CFG_PATH="$NETWORK_DIR/channel" "$configtxgen" -profile SuyuanChannel -channelID "$CHANNEL" \
        -outputBlock "$NETWORK_DIR/channel/genesis.block" 2>>"$NETWORK_DIR/channel/configtxgen.log"

    write_environment

    log "orderer on 127.0.0.1:$ORDERER_PORT"
    mkdir -p "$NETWORK_DIR/orderer"
    render "$FABRIC_DIR/config/orderer.yaml" "$NETWORK_DIR/orderer/orderer.yaml" \
        ORDERER_PORT "$ORDERER_PORT" ADMIN_PORT "$ORDERER_ADMIN_PORT" OPERATIONS_PORT "$ORDERER_OPERATIONS_PORT" \
        ORDERER_TLS "$(orderer_tls_dir)" \
        ORDERER_MSP "$CRYPTO/ordererOrganizations/orderer.example/orderers/orderer0.orderer.example/msp" \
        ORDERER_DATA "$NETWORK_DIR/orderer/data"
    local before
    before=$(log_lines orderer)
    start_orderer
    local admin_tls="$CRYPTO/ordererOrganizations/orderer.example/users/Admin@orderer.example/tls"
    local osnadmin_args=(-o "127.0.0.1:$ORDERER_ADMIN_PORT" --ca-file "$(orderer_tls_dir)/ca.crt"
        --client-cert "$admin_tls/client.crt" --client-key "$admin_tls/client.key")
    wait_until "the orderer's admin service" "$osnadmin" channel list "${osnadmin_args[@]}"
    "$osnadmin" channel join --channelID "$CHANNEL" --config-block "$NETWORK_DIR/channel/genesis.block" \
        "${osnadmin_args[@]}" >/dev/null
    wait_for_raft_leader "$before"

    local org domain
    for org in "${ORGS[@]}"; do
        domain=$(domain_of "$org")
        mkdir -p "$NETWORK_DIR/peers/$org"
        local upper=${org^^}
        local peer_port_var="${upper}_PEER_PORT" chaincode_listen_var="${upper}_PEER_CHAINCODE_PORT"
        local operations_var="${upper}_PEER_OPERATIONS_PORT"
        render "$FABRIC_DIR/config/core.yaml" "$NETWORK_DIR/peers/$org/core.yaml" \
            PEER_NAME "peer0.$domain" PEER_PORT "${!peer_port_var}" \
            CHAINCODE_LISTEN_PORT "${!chaincode_listen_var}" OPERATIONS_PORT "${!operations_var}" \
            PEER_TLS "$CRYPTO/peerOrganizations/$domain/peers/peer0.$domain/tls" \
            PEER_MSP "$CRYPTO/peerOrganizations/$domain/peers/peer0.$domain/msp" \
            PEER_DATA "$NETWORK_DIR/peers/$org/data" MSP_ID "$(msp_id_of "$org")" \
            BUILDER_DIR "$FABRIC_DIR/builders/ccaas"
        log "peer of $org ($(msp_id_of "$org")) on 127.0.0.1:${!peer_port_var}"
        start_peer "$org"
        peer_as_admin "$org" channel join -b "$NETWORK_DIR/channel/genesis.block" 2>>"$NETWORK_DIR/logs/cli.log"
    done

    log "contract: package, start as a service, install, approve, commit with $ENDORSEMENT_POLICY"
    for org in "${ORGS[@]}"; do
        package_contract "$org"
        start_chaincode "$org"
    done
    for org in "${ORGS[@]}"; do
        wait_until "peer of $org on channel $CHANNEL" peer_as_admin "$org" channel getinfo -c "$CHANNEL"
        peer_as_admin "$org" lifecycle chaincode install "$NETWORK_DIR/chaincode/$org/package.tar.gz" \
            2>>"$NETWORK_DIR/logs/cli.log"
    done
    local definition=(--channelID "$CHANNEL" --name "$CHAINCODE" --version "$CHAINCODE_VERSION" --sequence 1
        --signature-policy "$ENDORSEMENT_POLICY")
    for org in "${ORGS[@]}"; do
        peer_as_admin "$org" lifecycle chaincode approveformyorg $(orderer_args) "${definition[@]}" \
            --package-id "$(cat "$NETWORK_DIR/chaincode/$org/package-id")" 2>>"$NETWORK_DIR/logs/cli.log"
    done
    peer_as_admin suyuan lifecycle chaincode commit $(orderer_args) "${definition[@]}" \
        --peerAddresses "127.0.0.1:$SUYUAN_PEER_PORT" --tlsRootCertFiles "$(peer_tls_ca_of suyuan)" \
        --peerAddresses "127.0.0.1:$BUREAU_PEER_PORT" --tlsRootCertFiles "$(peer_tls_ca_of bureau)" \
        2>>"$NETWORK_DIR/logs/cli.log"
    for org in "${ORGS[@]}"; do
        wait_for_contract "$org"
    done
    trap - EXIT
    log "up: channel $CHANNEL, chaincode $CHAINCODE; settings in $NETWORK_DIR/suyuan-app.properties"
    printf '%s\n' "$NETWORK_DIR"
}

# A chaincode-as-a-service package: metadata.json (type ccaas) and code.tar.gz holding connection.json, the
# address where this organisation's copy of the contract listens. Each organisation runs its own copy.
package_contract() {
    local org=$1 dir="$NETWORK_DIR/chaincode/$1"
    mkdir -p "$dir/src"
    cat >"$dir/src/connection.json" <<EOF
{
  "address": "127.0.0.1:$(chaincode_port_of "$org")",
  "dial_timeout": "10s",
  "tls_required": false
}
EOF
    printf '{"type":"ccaas","label":"%s_%s"}\n' "$CHAINCODE" "$CHAINCODE_VERSION" >"$dir/src/metadata.json"
    tar -C "$dir/src" -czf "$dir/src/code.tar.gz" connection.json
    tar -C "$dir/src" -czf "$dir/package.tar.gz" metadata.json code.tar.gz
    peer_as_admin "$org" lifecycle chaincode calculatepackageid "$dir/package.tar.gz" >"$dir/package-id"
}

write_environment() {
    local suyuan_user="$CRYPTO/peerOrganizations/suyuan.example/users/User1@suyuan.example/msp"
    local bureau_user="$CRYPTO/peerOrganizations/bureau.example/users/User1@bureau.example/msp"
    cat >"$NETWORK_DIR/network.env" <<EOF
# Written by fabric/network.sh up; read by its other commands and by the tests.
NETWORK_DIR=$NETWORK_DIR
FABRIC_BIN=$(dirname "$PEER")
CRYPTO=$CRYPTO
CHANNEL=$CHANNEL
CHAINCODE=$CHAINCODE
ENDORSEMENT_POLICY="$ENDORSEMENT_POLICY"
BATCH_TIMEOUT=$BATCH_TIMEOUT
CHAINCODE_JAR=$CHAINCODE_JAR
CHAINCODE_JAVA_OPTS="$CHAINCODE_JAVA_OPTS"
ORDERER_PORT=$ORDERER_PORT
ORDERER_ADMIN_PORT=$ORDERER_ADMIN_PORT
ORDERER_OPERATIONS_PORT=$ORDERER_OPERATIONS_PORT
SUYUAN_PEER_PORT=$SUYUAN_PEER_PORT
SUYUAN_PEER_CHAINCODE_PORT=$SUYUAN_PEER_CHAINCODE_PORT
SUYUAN_PEER_OPERATIONS_PORT=$SUYUAN_PEER_OPERATIONS_PORT
SUYUAN_CHAINCODE_PORT=$SUYUAN_CHAINCODE_PORT
BUREAU_PEER_PORT=$BUREAU_PEER_PORT
BUREAU_PEER_CHAINCODE_PORT=$BUREAU_PEER_CHAINCODE_PORT
BUREAU_PEER_OPERATIONS_PORT=$BUREAU_PEER_OPERATIONS_PORT
BUREAU_CHAINCODE_PORT=$BUREAU_CHAINCODE_PORT
SUYUAN_MSP_ID=SuyuanMSP
SUYUAN_PEER_ENDPOINT=127.0.0.1:$SUYUAN_PEER_PORT
SUYUAN_PEER_TLS_CA=$(peer_tls_ca_of suyuan)
SUYUAN_USER_CERTIFICATE=$suyuan_user/signcerts/User1@suyuan.example-cert.pem
SUYUAN_USER_KEY=$suyuan_user/keystore
BUREAU_MSP_ID=BureauMSP
BUREAU_PEER_ENDPOINT=127.0.0.1:$BUREAU_PEER_PORT
BUREAU_PEER_TLS_CA=$(peer_tls_ca_of bureau)
BUREAU_USER_CERTIFICATE=$bureau_user/signcerts/User1@bureau.example-cert.pem
BUREAU_USER_KEY=$bureau_user/keystore
EOF
    cat >"$NETWORK_DIR/suyuan-app.properties" <<EOF
# The application's ledger settings for this network: pass with
#   --spring.config.additional-location=file:$NETWORK_DIR/suyuan-app.properties
suyuan.ledger.type=fabric
suyuan.ledger.fabric.endpoint=127.0.0.1:$SUYUAN_PEER_PORT
suyuan.ledger.fabric.msp-id=SuyuanMSP
suyuan.ledger.fabric.certificate=$suyuan_user/signcerts/User1@suyuan.example-cert.pem
suyuan.ledger.fabric.private-key=$suyuan_user/keystore
suyuan.ledger.fabric.channel=$CHANNEL
suyuan.ledger.fabric.chaincode=$CHAINCODE
suyuan.ledger.fabric.tls.ca-certificate=$(peer_tls_ca_of suyuan)
EOF
    local org
    for org in suyuan bureau; do
        local name=$org
        [ "$org" = suyuan ] && name=operator
        local user="$CRYPTO/peerOrganizations/$org.example/users/User1@$org.example/msp"
        cat >"$NETWORK_DIR/$name-fabric.properties" <<EOF
# The offline verifier's --fabric settings: ask the peer of $(msp_id_of "$org") as one of its users.
gateway-endpoint=127.0.0.1:$(peer_port_of "$org")
msp-id=$(msp_id_of "$org")
certificate=$user/signcerts/User1@$org.example-cert.pem
private-key=$user/keystore
channel=$CHANNEL
chaincode=$CHAINCODE
tls-ca-certificate=$(peer_tls_ca_of "$org")
EOF
    done
}

stop_all() {
    local name
    for name in chaincode-bureau chaincode-suyuan peer-bureau peer-suyuan orderer; do
        terminate "$name"
    done
}

down() {
    load_network "$1"
    stop_all
    case "$NETWORK_DIR" in
        / | "$HOME" | "$PROJECT_DIR" | "$PROJECT_DIR"/fabric*) die "refusing to delete $NETWORK_DIR" ;;
    esac
    rm -rf "$NETWORK_DIR"
    log "down: removed $NETWORK_DIR"
}

component() {
    local name=$1
    [[ " ${COMPONENTS[*]} " == *" $name "* ]] || die "unknown component $name (one of: ${COMPONENTS[*]})"
}

stop_component() {
    component "$1"
    load_network "$2"
    terminate "$1"
    log "stopped $1"
}

start_component() {
    component "$1"
    load_network "$2"
    case $1 in
        orderer) start_orderer restart ;;
        peer-*) start_peer "${1#peer-}" restart ;;
        chaincode-*)
            start_chaincode "${1#chaincode-}"
            wait_for_contract "${1#chaincode-}"
            ;;
    esac
    log "started $1"
}

status() {
    load_network "$1"
    local name
    for name in "${COMPONENTS[@]}"; do
        if is_running "$name"; then
            printf '%-18s running (pid %s)\n' "$name" "$(pid_of "$name")"
        else
            printf '%-18s stopped\n' "$name"
        fi
    done
}

case "${1:-}" in
    up) up "${2:-}" ;;
    down) [ $# -eq 2 ] || usage; down "$2" ;;
    stop) [ $# -eq 3 ] || usage; stop_component "$2" "$3" ;;
    start) [ $# -eq 3 ] || usage; start_component "$2" "$3" ;;
    status) [ $# -eq 2 ] || usage; status "$2" ;;
    *) usage ;;
esac
