// Calls the sample app's WS-Security endpoint with node-soap's own WSSecurity (PasswordText and PasswordDigest),
// a client of another stack.
//
// Usage: node node_soap_wsse.js http://127.0.0.1:PORT soap11|soap12
// The WSDL is read from /soap/secure/calculator?wsdl (public); calls go to the same path. Prints one line per check,
// the last one "OK <n> checks", and exits non-zero on the first mismatch.
'use strict';
const soap = require('soap');

const base = process.argv[2].replace(/\/$/, '');
const binding = process.argv[3] || 'soap11';
const soap12 = binding === 'soap12';
const endpoint = `${base}/soap/secure/calculator`;
let checks = 0;

function check(name, actual, expected) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    console.log(`FAIL ${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    process.exit(1);
  }
  checks++;
  console.log(`ok ${name}`);
}

// The calculator's port of the binding asked for, its operations promisified; every request is kept for the checks.
async function calculator(password, passwordType, requests) {
  const client = await soap.createClientAsync(`${endpoint}?wsdl`, { forceSoap12Headers: soap12 });
  client.setEndpoint(endpoint);
  client.setSecurity(new soap.WSSecurity('alice', password, { passwordType }));
  client.on('request', (xml) => requests.push(xml));
  const service = client[Object.keys(client.describe())[0]];
  const port = service[Object.keys(service).find((name) => name.endsWith(soap12 ? 'Soap12' : 'Soap11'))];
  const call = (operation, args) => new Promise((resolve, reject) =>
    port[operation](args, (error, result) => (error ? reject(error) : resolve(result))));
  return { call };
}

// The OASIS code of a fault: SOAP 1.1's faultcode, SOAP 1.2's Subcode under env:Sender; its local name.
function faultCode(error) {
  const fault = error && error.root && error.root.Envelope && error.root.Envelope.Body && error.root.Envelope.Body.Fault;
  if (!fault) {
    return `no SOAP fault: ${error}`;
  }

  const code = soap12 ? fault.Code && fault.Code.Subcode && fault.Code.Subcode.Value : fault.faultcode;
  return String(code).split(':').pop();
}

async function main() {
  for (const passwordType of ['PasswordText', 'PasswordDigest']) {
    const requests = [];
    const { call } = await calculator('wonderland', passwordType, requests);
    check(`${passwordType} Add`, (await call('Add', { a: 40, b: 2 })).AddResult, 42);
    const data = Buffer.from([0, 1, 2, 253, 254, 255, 10, 13]).toString('base64');
    check(`${passwordType} EchoBytes`, (await call('EchoBytes', { data })).EchoBytesResult, data);
    // node-soap's own header went out: its password type, and for a digest not the password itself.
    check(`${passwordType} sent`, requests.every((xml) => xml.includes(`#${passwordType}"`) && xml.includes('<wsse:Username>alice</wsse:Username>')), true);
    check(`${passwordType} password on the wire`, requests.some((xml) => xml.includes('wonderland')), passwordType === 'PasswordText');

    const wrong = await calculator('looking-glass', passwordType, []);
    try {
      await wrong.call('Add', { a: 1, b: 2 });
      check(`${passwordType} wrong password refused`, 'accepted', 'refused');
    } catch (error) {
      check(`${passwordType} wrong password fault code`, faultCode(error), 'FailedAuthentication');
    }
  }

  console.log(`OK ${checks} checks`);
}

main().catch((error) => {
  console.log(`FAIL ${error && error.stack ? error.stack : error}`);
  if (error && error.body) {
    console.log(String(error.body).slice(0, 2000));
  }
  process.exit(1);
});
