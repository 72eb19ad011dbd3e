<?php
// The PHP SoapServer peer of the client tests, run by `php -S 127.0.0.1:<port> router.php`:
// /encoded is an rpc/encoded service (PHP's classic style), /rpcliteral the same in rpc/literal, /literal a
// document/literal wrapped one;
// GET ?wsdl returns each WSDL with its address pointing at this server.
ini_set('soap.wsdl_cache_enabled', '0');
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$files = ['/encoded' => 'calc-encoded.wsdl', '/rpcliteral' => 'calc-rpc-literal.wsdl', '/literal' => 'orders-literal.wsdl'];
if (!isset($files[$path])) {
    http_response_code(404);
    return true;
}

$wsdl = __DIR__ . '/' . $files[$path];
if ($_SERVER['REQUEST_METHOD'] === 'GET') {
    header('Content-Type: text/xml; charset=utf-8');
    echo str_replace('__BASE__', 'http://' . $_SERVER['HTTP_HOST'], file_get_contents($wsdl));
    return true;
}

class Calc
{
    public function add($a, $b) { return $a + $b; }
    public function echo($text) { return $text; }
    public function split($text) { return explode(',', $text); }
    public function join($items) { return implode('+', $items); }
    public function getPerson($name, $age) { return ['name' => $name, 'age' => $age]; }
    // The same object twice: PHP's encoder writes it once (id) and refers to it (href).
    public function twins($name) { $p = new stdClass(); $p->name = $name; $p->age = 2; return [$p, $p]; }
    public function divide($a, $b)
    {
        if ($b == 0) {
            throw new SoapFault('Client', 'Division by zero.');
        }
        return intdiv($a, $b);
    }
}

class Orders
{
    public function Echo($p) { return ['EchoResult' => $p->text]; }
    public function Add($p) { return ['AddResult' => $p->a + $p->b]; }
    public function GetOrder($p)
    {
        $skus = [];
        for ($i = 1; $i <= $p->lines; $i++) { $skus[] = "SKU-$i"; }
        return ['GetOrderResult' => ['Id' => $p->id, 'Customer' => "Customer {$p->id}", 'Sku' => $skus]];
    }
    public function Reject($p) { throw new SoapFault('Server', 'Rejected: ' . $p->reason); }
}

$server = new SoapServer($wsdl);
$server->setClass($path === '/literal' ? 'Orders' : 'Calc');
$server->handle();
return true;
