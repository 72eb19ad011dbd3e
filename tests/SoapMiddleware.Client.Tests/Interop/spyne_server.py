"""A small Spyne service on 127.0.0.1 for the dynamic client's interop tests (SpyneClientTests).

Usage: python3 spyne_server.py PORT. Serves SOAP 1.1 document/literal (Spyne's Soap11 with validator='lxml') at
http://127.0.0.1:PORT/ with its WSDL at /?wsdl, until it is killed. Values are deterministic so the test can check them.
"""
import datetime
from lxml import etree

from spyne import Application, ServiceBase, rpc, Fault
from spyne.model.complex import ComplexModel, Array
from spyne.model.primitive import Unicode, Integer, Integer32, Double, Boolean, DateTime
from spyne.protocol.soap import Soap11

from spyne_http import serve

TNS = "urn:soapmw:spyne"


class Address(ComplexModel):
    __namespace__ = TNS
    street = Unicode
    city = Unicode


class Person(ComplexModel):
    __namespace__ = TNS
    name = Unicode
    age = Integer32
    score = Double
    active = Boolean
    born = DateTime
    tags = Array(Unicode)
    addresses = Array(Address)


class NotFound(Fault):
    """A typed fault: its fields are the detail's, declared in the WSDL as the fault's element."""
    __namespace__ = TNS
    __type_name__ = "NotFound"
    key = Unicode
    tries = Integer32

    def __init__(self, key=None, tries=None):
        # Spyne writes a fault's own fields straight into soap:Fault; the detail element the WSDL declares is given here.
        detail = etree.Element("{%s}NotFound" % TNS)
        etree.SubElement(detail, "{%s}key" % TNS).text = key
        etree.SubElement(detail, "{%s}tries" % TNS).text = str(tries)
        super().__init__(faultcode="Client.NotFound", faultstring="No such key: %s" % key, detail=detail)
        self.key = key
        self.tries = tries


class SpyneCalc(ServiceBase):
    @rpc(Unicode, Integer32, _returns=Array(Unicode))
    def say_hello(ctx, name, times):
        return ["Hello, %s" % name for _ in range(times)]

    @rpc(Integer32, Integer32, _returns=Integer32)
    def add(ctx, a, b):
        return a + b

    @rpc(Array(Integer), _returns=Integer)
    def total(ctx, numbers):
        return sum(numbers or [])

    @rpc(Unicode, Integer32, _returns=Person)
    def make_person(ctx, name, age):
        return Person(name=name, age=age, score=age * 1.5, active=age % 2 == 0,
                      born=datetime.datetime(2000, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc),
                      tags=["t%d" % i for i in range(1, 3)],
                      addresses=[Address(street="Main %d" % i, city="City %d" % i) for i in range(1, 3)])

    @rpc(Person, _returns=Unicode)
    def describe(ctx, person):
        return "%s (%d) tags=%s cities=%s" % (person.name, person.age, ",".join(person.tags or []),
                                              ",".join(a.city for a in (person.addresses or [])))

    @rpc(Unicode, _returns=Unicode, _throws=[NotFound])
    def lookup(ctx, key):
        if key == "known":
            return "value of known"
        raise NotFound(key, 3)


application = Application([SpyneCalc], tns=TNS, in_protocol=Soap11(validator="lxml"), out_protocol=Soap11())

if __name__ == "__main__":
    serve(application)
