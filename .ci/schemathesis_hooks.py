"""Strategies for the custom string formats of hotline's OpenAPI document, so schemathesis
generates the values the service documents as valid:

- `web-address`: a web address as a reporter pastes it: http, https or ftp, or no scheme;
  host names under reserved names, or IPv4 documentation addresses; a path and a query.
- `reporter-email`: an e-mail address under a reserved name.

Loaded by `.ci/schemathesis` through SCHEMATHESIS_HOOKS. Reserved names only: nothing here
names a real site, and the service under test runs offline.
"""

import schemathesis
from hypothesis import strategies as st

_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?", fullmatch=True).filter(
    lambda s: "--" not in s
)
_reserved = st.sampled_from(["example.com", "example.org", "example.net", "example.test", "site.test"])
_host = st.one_of(
    st.builds(lambda subs, base: ".".join([*subs, base]), st.lists(_label, max_size=3), _reserved),
    st.builds(
        lambda net, last: f"{net}.{last}",
        st.sampled_from(["192.0.2", "198.51.100", "203.0.113"]),
        st.integers(min_value=1, max_value=254),
    ),
)
_segment = st.from_regex(r"[A-Za-z0-9._~!$&'()*+,;=:@-]{0,20}", fullmatch=True)
_query = st.from_regex(r"[A-Za-z0-9._~=&-]{1,30}", fullmatch=True)


@st.composite
def web_addresses(draw):
    scheme = draw(st.sampled_from(["http://", "https://", "ftp://", "HTTP://", ""]))
    host = draw(_host)
    if draw(st.booleans()):
        host = host.upper()
    port = draw(st.one_of(st.just(""), st.integers(min_value=1, max_value=65535).map(lambda p: f":{p}")))
    path = "".join("/" + s for s in draw(st.lists(_segment, max_size=5)))
    query = draw(st.one_of(st.just(""), _query.map(lambda q: "?" + q)))
    return f"{scheme}{host}{port}{path}{query}"


_local = st.from_regex(r"[A-Za-z0-9._%+-]{1,30}", fullmatch=True)

schemathesis.openapi.format("web-address", web_addresses())
schemathesis.openapi.format(
    "reporter-email",
    st.builds(lambda local, domain: f"{local}@{domain}", _local, _reserved),
)
