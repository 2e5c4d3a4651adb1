# urllib.request: urlopen over plain HTTP, with CPython's response and errors.
#
# The transport is _urllib.fetch (a Rust HTTP client); the whole body is read when
# urlopen returns, and read() hands it out. https needs TLS, which spindle does not
# have: like a CPython built without ssl, it raises URLError('unknown url type: https').

import _urllib
from urllib.error import URLError, HTTPError
from urllib.parse import urlsplit

__all__ = ['urlopen', 'Request', 'HTTPResponse', 'HTTPMessage', 'URLError', 'HTTPError']

_OS_ERRORS = {
    'OSError': OSError,
    'TimeoutError': TimeoutError,
    'ConnectionRefusedError': ConnectionRefusedError,
    'ConnectionResetError': ConnectionResetError,
    'ConnectionAbortedError': ConnectionAbortedError,
    'BrokenPipeError': BrokenPipeError,
    'ValueError': ValueError,
}


class HTTPMessage:
    """The headers of a response: names match whatever their case."""

    def __init__(self, items=()):
        self._headers = list(items)

    def get(self, name, failobj=None):
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return v
        return failobj

    def __getitem__(self, name):
        return self.get(name)

    def __contains__(self, name):
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return True
        return False

    def __len__(self):
        return len(self._headers)

    def __iter__(self):
        return iter(self.keys())

    def keys(self):
        return [k for k, v in self._headers]

    def values(self):
        return [v for k, v in self._headers]

    def items(self):
        return list(self._headers)

    def get_all(self, name, failobj=None):
        name = name.lower()
        found = [v for k, v in self._headers if k.lower() == name]
        return found if found else failobj

    def get_content_type(self):
        value = self.get('content-type')
        if value is None:
            return 'text/plain'
        ctype = value.split(';')[0].strip().lower()
        if ctype.count('/') != 1:
            return 'text/plain'
        return ctype

    def get_content_charset(self, failobj=None):
        value = self.get('content-type')
        if value is None:
            return failobj
        for param in value.split(';')[1:]:
            key, sep, val = param.partition('=')
            if sep and key.strip().lower() == 'charset':
                return val.strip().strip('"').lower()
        return failobj

    def as_string(self):
        return ''.join('%s: %s\n' % (k, v) for k, v in self._headers) + '\n'

    def __str__(self):
        return self.as_string()


class HTTPResponse:
    """What urlopen returns: status, reason, headers, and the body to read()."""

    def __init__(self, status, reason, headers, body, url):
        self.status = status
        self.code = status
        self.reason = reason
        self.headers = HTTPMessage(headers)
        self.msg = self.headers
        self.url = url
        self.version = 11
        self._body = body
        self._pos = 0
        self.closed = False

    def read(self, amt=None):
        if self.closed:
            return b''
        if amt is None or amt < 0:
            end = len(self._body)
        else:
            end = min(len(self._body), self._pos + amt)
        data = self._body[self._pos:end]
        self._pos = end
        return data

    def read1(self, n=-1):
        return self.read(n)

    def readline(self, limit=-1):
        if self.closed:
            return b''
        end = self._body.find(b'\n', self._pos)
        end = len(self._body) if end < 0 else end + 1
        if limit is not None and limit >= 0:
            end = min(end, self._pos + limit)
        data = self._body[self._pos:end]
        self._pos = end
        return data

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return iter(self.readlines())

    def readable(self):
        return True

    def getheader(self, name, default=None):
        return self.headers.get(name, default)

    def getheaders(self):
        return self.headers.items()

    def info(self):
        return self.headers

    def getcode(self):
        return self.status

    def geturl(self):
        return self.url

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Request:
    def __init__(self, url, data=None, headers={}, origin_req_host=None,
                 unverifiable=False, method=None):
        self.full_url = url.strip()
        if '#' in self.full_url:
            self.full_url, self.fragment = self.full_url.split('#', 1)
        else:
            self.fragment = None
        parts = urlsplit(self.full_url)
        if not parts.scheme or ':' not in self.full_url:
            raise ValueError('unknown url type: %r' % self.full_url)
        self.type = parts.scheme
        self.host = parts.netloc
        self.data = data
        self.headers = {}
        for key, value in headers.items():
            self.add_header(key, value)
        self.method = method
        self.origin_req_host = origin_req_host or parts.hostname
        self.unverifiable = unverifiable

    def get_method(self):
        if self.method is not None:
            return self.method
        return 'POST' if self.data is not None else 'GET'

    def get_full_url(self):
        return self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def has_header(self, header_name):
        return header_name in self.headers

    def get_header(self, header_name, default=None):
        return self.headers.get(header_name, default)

    def header_items(self):
        return list(self.headers.items())


def urlopen(url, data=None, timeout=None, *, context=None):
    if isinstance(url, Request):
        req = url
        if data is not None:
            req.data = data
    else:
        req = Request(url, data)
    if req.type != 'http':
        raise URLError('unknown url type: %s' % req.type)
    headers = dict(req.headers)
    if req.data is not None and 'Content-type' not in headers:
        headers['Content-type'] = 'application/x-www-form-urlencoded'
    answer = _urllib.fetch(req.full_url, req.get_method(), req.data,
                           list(headers.items()), timeout)
    if answer[0] == 'error':
        wrap, name, errno, message = answer[1], answer[2], answer[3], answer[4]
        if name == '':
            raise URLError(message)
        cls = _OS_ERRORS[name]
        if errno is None:
            err = cls(message)
        else:
            err = cls(errno, message)
        if wrap:
            raise URLError(err)
        raise err
    status, reason, headers, body, final_url = answer[1], answer[2], answer[3], answer[4], answer[5]
    response = HTTPResponse(status, reason, headers, body, final_url)
    if not (200 <= status < 300):
        raise HTTPError(final_url, status, reason, response.headers, response)
    return response
