//! Servers for test suites, on loopback only: an SMTP sink that keeps what it receives. (DNS
//! and RDAP test servers live with the suites that use them.)
//! A real SMTP server on loopback for tests: speaks enough of RFC 5321 for a client to
//! deliver, and keeps what it received.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// Writes a XARF document a test produced into the folder `HOTLINE_XARF_OUT` names (set by
/// `.ci/run`), where `.ci/validate-xarf` checks it with the reference validator. Nothing
/// happens when the variable is unset. `label` names the test, the rest of the file name is
/// a digest of the text, so the same document is written once.
pub fn keep_xarf(label: &str, json: &str) {
    use std::hash::{Hash, Hasher};
    let Some(dir) = std::env::var_os("HOTLINE_XARF_OUT") else {
        return;
    };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    json.hash(&mut h);
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("HOTLINE_XARF_OUT can be created");
    std::fs::write(dir.join(format!("{label}-{:016x}.json", h.finish())), json)
        .expect("HOTLINE_XARF_OUT is writable");
}

/// A received message: envelope and data.
#[derive(Debug, Clone, Default)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

/// Starts the sink; returns its port and the list it fills.
pub async fn smtp_sink() -> (u16, Arc<Mutex<Vec<Received>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let inbox: Arc<Mutex<Vec<Received>>> = Arc::default();
    let store = inbox.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink.test ESMTP\r\n").await;
                let mut current = Received::default();
                while let Ok(Some(line)) = lines.next_line().await {
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250-sink.test\r\n250 8BITMIME\r\n"
                    } else if upper.starts_with("MAIL FROM:") {
                        current.from = line[10..].trim().to_owned();
                        b"250 OK\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        current.to.push(line[8..].trim().to_owned());
                        b"250 OK\r\n"
                    } else if upper == "DATA" {
                        let _ = write.write_all(b"354 go ahead\r\n").await;
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            current.data.push_str(l.strip_prefix('.').unwrap_or(&l));
                            current.data.push('\n');
                        }
                        store.lock().unwrap().push(std::mem::take(&mut current));
                        b"250 queued\r\n"
                    } else if upper == "QUIT" {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 OK\r\n"
                    };
                    if write.write_all(reply).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    (port, inbox)
}

/// A real authoritative DNS server on loopback: a zone under `.test` pointing at
/// documentation addresses.
#[cfg(any(test, feature = "test-servers"))]
mod dns_zone {

    use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
    use std::str::FromStr;
    use std::sync::Arc;

    use hickory_server::Server;
    use hickory_server::net::runtime::TokioRuntimeProvider;
    use hickory_server::proto::rr::rdata::{A, AAAA, CNAME, SOA};
    use hickory_server::proto::rr::{LowerName, Name, RData, Record, RecordType, RrKey};
    use hickory_server::store::in_memory::InMemoryZoneHandler;
    use hickory_server::zone_handler::{AxfrPolicy, Catalog, ZoneType};

    /// A record to serve: name and what it points at.
    pub enum Rec {
        A(&'static str, Ipv4Addr),
        Aaaa(&'static str, Ipv6Addr),
        Cname(&'static str, &'static str),
    }

    /// Starts a server for zone `origin` on 127.0.0.1:random; returns its address. The server
    /// lives as long as the test's runtime.
    pub async fn serve_zone(origin: &str, records: Vec<Rec>) -> SocketAddr {
        serve(origin, records, 60).await.0
    }

    /// A zone whose answers a test changes while it runs (a site that moves to another host).
    #[derive(Clone)]
    pub struct ChangingZone {
        zone: Arc<InMemoryZoneHandler<TokioRuntimeProvider>>,
    }

    impl ChangingZone {
        /// From now on `name` has the one IPv4 address `ip`.
        pub async fn point(&self, name: &str, ip: Ipv4Addr) {
            let name = Name::from_str(name).unwrap();
            self.zone
                .records_mut()
                .await
                .remove(&RrKey::new(LowerName::new(&name), RecordType::A));
            self.zone
                .upsert(Record::from_rdata(name, 0, RData::A(A(ip))), 2)
                .await;
        }
    }

    /// Like [`serve_zone`], but every answer has TTL 0, so no resolver keeps it, and the
    /// test can change the answers ([`ChangingZone::point`]).
    pub async fn serve_changing_zone(
        origin: &str,
        records: Vec<Rec>,
    ) -> (SocketAddr, ChangingZone) {
        let (addr, zone) = serve(origin, records, 0).await;
        (addr, ChangingZone { zone })
    }

    async fn serve(
        origin: &str,
        records: Vec<Rec>,
        ttl: u32,
    ) -> (SocketAddr, Arc<InMemoryZoneHandler<TokioRuntimeProvider>>) {
        let origin_name = Name::from_str(origin).unwrap();
        let mut zone = InMemoryZoneHandler::<TokioRuntimeProvider>::empty(
            origin_name.clone(),
            ZoneType::Primary,
            AxfrPolicy::Deny,
        );
        let soa = SOA::new(
            Name::from_str(&format!("ns.{origin}")).unwrap(),
            Name::from_str(&format!("hostmaster.{origin}")).unwrap(),
            1,
            3600,
            600,
            86400,
            60,
        );
        zone.upsert_mut(
            Record::from_rdata(origin_name.clone(), 60, RData::SOA(soa)),
            1,
        );
        for r in records {
            let rec = match r {
                Rec::A(n, ip) => {
                    Record::from_rdata(Name::from_str(n).unwrap(), ttl, RData::A(A(ip)))
                }
                Rec::Aaaa(n, ip) => {
                    Record::from_rdata(Name::from_str(n).unwrap(), ttl, RData::AAAA(AAAA(ip)))
                }
                Rec::Cname(n, t) => Record::from_rdata(
                    Name::from_str(n).unwrap(),
                    ttl,
                    RData::CNAME(CNAME(Name::from_str(t).unwrap())),
                ),
            };
            zone.upsert_mut(rec, 1);
        }
        let zone = Arc::new(zone);
        let mut catalog = Catalog::new();
        catalog.upsert(LowerName::new(&origin_name), vec![zone.clone()]);
        let socket = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let addr = socket.local_addr().unwrap();
        let mut server = Server::new(catalog);
        server.register_socket(socket);
        tokio::spawn(async move {
            let _ = server.block_until_done().await;
        });
        (addr, zone)
    }

    pub fn loopback(addr: SocketAddr) -> crate::NetworkPolicy {
        crate::NetworkPolicy {
            nameservers: vec![addr.to_string()],
            allow_loopback_targets: true,
            ..Default::default()
        }
    }
}
#[cfg(any(test, feature = "test-servers"))]
pub use dns_zone::{ChangingZone, Rec, loopback, serve_changing_zone, serve_zone};
