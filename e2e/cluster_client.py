"""Clients for e2e/cluster.sh, standard library only.

  login URL USER PASSWORD JAR   a person's login through the portal's page and Keycloak's login form
                                (authorization-code flow); the session's cookies go to the JAR file
  pages URL JAR N               N page requests with that session; prints each status and the instance
                                that served it (HAProxy's X-Served-By)
  writes URL TOKEN CUSTOMER STOP OUT
                                adds hosts to a customer through the API until the STOP file exists,
                                one request after another; writes every answer to OUT (JSON lines)
"""
import html
import http.cookiejar
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class LocalhostIsSecure(http.cookiejar.DefaultCookiePolicy):
    """Keycloak marks its cookies Secure; browsers treat http://localhost as a secure context, and so does this."""

    def return_ok_secure(self, cookie, request):
        return True


def opener(jar):
    jar.set_policy(LocalhostIsSecure())
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def open_or_explain(o, url, data=None):
    try:
        return o.open(url, data)
    except urllib.error.HTTPError as e:
        raise SystemExit("%s answered %d: %s" % (e.geturl(), e.code, e.read().decode(errors="replace")[:1500]))


def form_action(page):
    m = re.search(r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', page) or \
        re.search(r'<form[^>]*action="([^"]+)"[^>]*id="kc-form-login"', page)
    if not m:
        raise SystemExit("no Keycloak login form in:\n" + page[:2000])
    return html.unescape(m.group(1))


def login(url, user, password, jar_file):
    jar = http.cookiejar.MozillaCookieJar(jar_file)
    o = opener(jar)
    page = open_or_explain(o, url + "/customers").read().decode()  # the portal sends the person to Keycloak
    fields = {"username": user}
    if 'id="password"' in page:
        fields["password"] = password
    response = open_or_explain(o, form_action(page), urllib.parse.urlencode(fields).encode())
    page = response.read().decode()
    if "password" not in fields:  # identity-first (organizations): the password on a second page
        response = open_or_explain(o, form_action(page), urllib.parse.urlencode({"password": password}).encode())
        page = response.read().decode()
    if not response.geturl().startswith(url):
        raise SystemExit("the login did not come back to the portal: " + response.geturl())
    jar.save(ignore_discard=True, ignore_expires=True)
    print("logged in as %s; back at %s" % (user, response.geturl()))


def pages(url, jar_file, n):
    jar = http.cookiejar.MozillaCookieJar(jar_file, policy=LocalhostIsSecure())
    jar.load(ignore_discard=True, ignore_expires=True)
    o = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    for _ in range(n):
        try:
            r = o.open(url + "/customers")
            body = r.read().decode()
            ok = r.status == 200 and "logout" in body.lower()
            print(r.status if ok else "%d-not-the-page" % r.status, r.headers.get("X-Served-By", "?"))
        except urllib.error.HTTPError as e:
            print(e.code, e.headers.get("X-Served-By", "?"))
        except OSError as e:
            print("error", type(e).__name__)
        time.sleep(0.1)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def writes(url, token, customer, stop, out):
    n = 0
    with open(out, "w") as f:
        while not os.path.exists(stop):
            n += 1
            host = "rr-%d.prod.hydra.sophos.com" % n
            request = urllib.request.Request(url + "/api/v1/customers/%s/mcs-hosts" % customer,
                                             data=json.dumps({"hosts": [host]}).encode(), method="POST",
                                             headers={"Authorization": "Bearer " + token,
                                                      "Content-Type": "application/json"})
            started = time.time()
            try:
                with urllib.request.urlopen(request, timeout=30) as r:
                    r.read()
                    status = r.status
                    served = r.headers.get("X-Served-By", "?")
            except urllib.error.HTTPError as e:
                status = e.code
                served = e.headers.get("X-Served-By", "?")
            except OSError as e:
                status = 0
                served = type(e).__name__
            f.write(json.dumps({"host": host, "status": status, "served": served,
                                "ms": int((time.time() - started) * 1000)}) + "\n")
            f.flush()
            time.sleep(0.02)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "login":
        login(*sys.argv[2:6])
    elif command == "pages":
        pages(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif command == "writes":
        writes(*sys.argv[2:7])
    else:
        raise SystemExit(__doc__)
