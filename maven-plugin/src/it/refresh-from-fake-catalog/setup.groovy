// Starts a fake of GET /accounts/{id}/ai/models/search and /ai/models/schema on 127.0.0.1 and tells
// the nested builds its URL through .mvn/maven.config. verify.groovy stops it; a daemon watchdog
// stops it anyway after five minutes so a failed IT cannot keep the outer build alive.
import com.sun.net.httpserver.HttpServer
import java.security.MessageDigest

def TOKEN = 'it-env-token-5d1e8b'
def snapshot = new File(basedir, 'model-schemas')
def digest = { ->
  new TreeMap(snapshot.listFiles().findAll { it.isFile() }.collectEntries { [(it.name): it.bytes.md5()] } +
      new File(snapshot, 'models').listFiles().collectEntries { ["models/${it.name}".toString(), it.bytes.md5()] })
}
new File(basedir, 'snapshot-original.txt').text = digest().toString()

def schema = { List<String> required, Map extraInput ->
  def input = [prompt: [type: 'string']] + extraInput
  groovy.json.JsonOutput.toJson([input: [type: 'object', properties: input, required: required],
                                 output: [type: 'object', properties: [response: [type: 'string']]]])
}
// The catalog now: a gains an optional field (compatible), b a required one (breaking), c is unchanged.
def schemas = [
  '@cf/it/a': schema(['prompt'], [temperature: [type: 'number']]),
  '@cf/it/b': schema(['prompt', 'mode'], [mode: [type: 'string']]),
  '@cf/it/c': schema(['prompt'], [:]),
]
def item = { String name -> groovy.json.JsonOutput.toJson([id: "uuid-${name}".toString(), source: 1, name: name,
    description: 'Prose that a facts-only snapshot drops.', task: [id: 't', name: 'Text Generation'], tags: [], properties: []]) }
// per_page is 2: page 2 repeats b (de-duplicated), page 3 is empty and ends the paging.
def pages = [1: ['@cf/it/a', '@cf/it/b'], 2: ['@cf/it/b', '@cf/it/c']]
def accountsSeen = Collections.synchronizedSet(new HashSet())

def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/client/v4/accounts/') { exchange ->
  def path = exchange.requestURI.path
  def query = (exchange.requestURI.rawQuery ?: '').split('&').findAll { it }.collectEntries {
    def kv = it.split('=', 2); [(kv[0]): URLDecoder.decode(kv[1], 'UTF-8')]
  }
  def account = path.split('/')[4]
  // The first request of each run records the snapshot as that run found it.
  if (accountsSeen.add(account)) {
    new File(basedir, "snapshot-seen-by-${account}.txt").text = digest().toString()
  }
  def status = 200
  def body
  if (account == 'acc-echo') {
    // A misbehaving proxy that quotes the request's Authorization header in its error message.
    status = 401
    body = '{"success":false,"errors":[{"message":"denied for ' + exchange.requestHeaders.getFirst('Authorization') + '"}],"result":null}'
  } else if (exchange.requestHeaders.getFirst('Authorization') != "Bearer ${TOKEN}") {
    status = 401
    body = '{"success":false,"errors":[{"message":"Authentication error"}],"result":null}'
  } else if (path.endsWith('/ai/models/search')) {
    def names = pages[query.page as int] ?: []
    body = '{"success":true,"errors":[],"messages":[],"result":[' + names.collect { item(it) }.join(',') + ']}'
  } else if (path.endsWith('/ai/models/schema') && account == 'acc-broken' && query.model == '@cf/it/b') {
    body = '<html><body>502 Bad Gateway</body></html>'
  } else if (path.endsWith('/ai/models/schema') && schemas[query.model]) {
    body = '{"success":true,"result":' + schemas[query.model] + '}'
  } else {
    status = 404
    body = '{"success":false,"errors":[{"message":"not found"}],"result":null}'
  }
  def bytes = body.getBytes('UTF-8')
  exchange.responseHeaders.add('Content-Type', 'application/json')
  exchange.sendResponseHeaders(status, bytes.length)
  exchange.responseBody.withStream { it.write(bytes) }
}
server.start()
System.properties.put('workers-ai.it.fakeCatalog', server)
Thread.startDaemon('fake-catalog-watchdog') { sleep(300_000); server.stop(0) }

def url = "http://127.0.0.1:${server.address.port}/client/v4"
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dworkers-ai.apiBaseUrl=${url}\n"
return true
