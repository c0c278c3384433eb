// Run by the build after `mvn verify` of this project (maven-invoker-plugin); not needed to use it.
// Proves what README.md promises a new project: the bundled snapshot was used with no setup, the
// generated calls compiled, the emulator extension's tests ran, and the application runs against the
// standalone emulator through WorkersAi.fromEnv() with the export lines the emulator prints.
import java.util.concurrent.TimeUnit

def log = new File(basedir, 'build.log').text
assert log.contains('No model-schemas/ folder: using the catalog snapshot bundled with the plugin') : 'the bundled snapshot was not used'
assert !log.contains('[WARNING]') : 'the build warns: ' + log.readLines().findAll { it.contains('[WARNING]') }.join('\n')
def report = new File(basedir, 'target/surefire-reports/com.example.ai.AppTest.txt')
assert report.isFile() && report.text.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'the emulator tests did not run and pass'

def version = workersAiVersion
def emulatorJar = new File(localRepositoryPath, "dev/workersai/workers-ai-emulator/${version}/workers-ai-emulator-${version}-all.jar")
assert emulatorJar.isFile() : "no standalone emulator at ${emulatorJar}"
def java = new File(System.getProperty('java.home'), 'bin/java').path
def emulator = new ProcessBuilder(java, '-jar', emulatorJar.path, '--schemas', 'target/workers-ai/bundled-snapshot', '--port', '0')
    .directory(basedir).redirectErrorStream(true).start()
try {
  def env = [:]
  def banner = new BufferedReader(new InputStreamReader(emulator.inputStream, 'UTF-8'))
  for (String line = banner.readLine(); line != null && !line.startsWith('Press Ctrl-C'); line = banner.readLine()) {
    def export = line =~ /^\s*export (\w+)=(\S+)$/
    if (export) {
      env[export[0][1]] = export[0][2]
    }
  }
  assert env.keySet() == ['CLOUDFLARE_ACCOUNT_ID', 'CLOUDFLARE_API_TOKEN', 'WORKERS_AI_BASE_URL'] as Set : "the emulator printed ${env}"

  // The app as a user runs it, `mvn exec:java@app`, with the Maven that built the project.
  def settings = new File(basedir, 'target/exec-settings.xml')
  settings.text = new File(itSettings).getText('UTF-8').replace('@outerLocalRepository@', outerLocalRepository)
  def mvn = new File(buildMavenHome, 'bin/mvn').path
  def app = new ProcessBuilder(mvn, '-B', '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}", 'exec:java@app')
      .directory(basedir).redirectErrorStream(true)
  app.environment().putAll(env)
  app.environment().put('JAVA_HOME', System.getProperty('java.home'))
  def running = app.start()
  def output = running.inputStream.getText('UTF-8')
  assert running.waitFor(180, TimeUnit.SECONDS) && running.exitValue() == 0 : "the app failed:\n${output}"
  assert output.contains('chat: ') && output.contains('embedding: 768 dimensions') && output.contains('image: ') : output
  assert !output.contains('[WARNING]') : "mvn exec:java@app warns:\n${output}"
  assert new File(basedir, 'target/lighthouse.png').length() > 0
} finally {
  emulator.destroy()
  emulator.waitFor(30, TimeUnit.SECONDS)
}
return true
