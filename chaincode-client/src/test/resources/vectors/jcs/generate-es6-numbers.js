// Regenerates es6-numbers.txt: lines "<IEEE-754 hex>,<ECMAScript Number::toString>", the format of
// cyberphone/json-canonicalization's es6testfile100m.txt. The expected strings come from the running
// JavaScript engine (node), which is the reference RFC 8785 section 3.2.2.3 points to.
// Usage: node generate-es6-numbers.js > es6-numbers.txt
'use strict';

// Edge cases from the cyberphone testdata README sample and RFC 8785 Appendix B.
const fixed = [
  '0000000000000000', '8000000000000000', '0000000000000001', '8000000000000001',
  '7fefffffffffffff', 'ffefffffffffffff', '4340000000000000', 'c340000000000000',
  '4340000000000001', '4340000000000002', '4430000000000000',
  '44b52d02c7e14af5', '44b52d02c7e14af6', '44b52d02c7e14af7',
  '444b1ae4d6e2ef4e', '444b1ae4d6e2ef4f', '444b1ae4d6e2ef50',
  '3eb0c6f7a0b5ed8c', '3eb0c6f7a0b5ed8d',
  '41b3de4355555553', '41b3de4355555554', '41b3de4355555555', '41b3de4355555556', '41b3de4355555557',
  'becbf647612f3696', '43143ff3c1cb0959', '3e7ad7f29abcaf48', 'be7ad7f29abcaf48', '3fb999999999999a',
];

// xorshift64*: deterministic, so the file is reproducible byte for byte.
let state = 0x9e3779b97f4a7c15n;
const mask = (1n << 64n) - 1n;
function next() {
  state ^= state >> 12n;
  state ^= (state << 25n) & mask;
  state ^= state >> 27n;
  return (state * 0x2545f4914f6cdd1dn) & mask;
}

const buffer = Buffer.alloc(8);
function line(hex) {
  buffer.write(hex.padStart(16, '0'), 'hex');
  const value = buffer.readDoubleBE(0);
  return Number.isFinite(value) ? hex + ',' + JSON.stringify(value) : null;
}

const lines = fixed.map(line);
while (lines.length < 400) {
  let bits = next();
  // Every fourth value: keep the exponent near 0 (values between 1e-7 and 1e21), where ES6
  // switches between plain and exponential notation.
  if (lines.length % 4 === 0) {
    const exponent = BigInt(1023 - 24 + Number(next() % 95n));
    bits = (bits & 0x800fffffffffffffn) | (exponent << 52n);
  }
  const text = line(bits.toString(16).padStart(16, '0'));
  if (text !== null) {
    lines.push(text);
  }
}
process.stdout.write(lines.join('\n') + '\n');
