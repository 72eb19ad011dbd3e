"""A Spyne service on 127.0.0.1 for the dynamic client's open-content tests (SpyneSchemaClientTests): AnyXml
(xs:anyType), an xs:any wildcard, SOAP headers in and out (_in_header/_out_header), and class inheritance written and
read with xsi:type (Soap11(polymorphic=True)).

Usage: python3 spyne_schema_server.py PORT. Serves SOAP 1.1 document/literal at http://127.0.0.1:PORT/ with its WSDL at
/?wsdl, until it is killed. Values are deterministic so the test can check them.
"""
from lxml import etree

from spyne import Application, ServiceBase, rpc, Fault
from spyne.model.complex import ComplexModel
from spyne.model.primitive import AnyXml, Unicode, Integer32
from spyne.protocol.soap import Soap11

from spyne_http import serve

TNS = "urn:soapmw:spyne:schema"
BOX = "urn:example:box"
XSD_ANY = "{http://www.w3.org/2001/XMLSchema}any"


class Animal(ComplexModel):
    __namespace__ = TNS
    name = Unicode


class Dog(Animal):
    __namespace__ = TNS
    breed = Unicode


class Cat(Animal):
    __namespace__ = TNS
    lives = Integer32


class Parcel(ComplexModel):
    """A label and an xs:any wildcard (Spyne writes the wildcard's content inside an element named 'extra')."""
    __namespace__ = TNS
    label = Unicode
    extra = AnyXml(schema_tag=XSD_ANY, namespace="##any", process_contents="lax", nillable=False)


class AuthHeader(ComplexModel):
    __namespace__ = TNS
    user = Unicode
    token = Unicode


class TraceHeader(ComplexModel):
    __namespace__ = TNS
    trace_id = Unicode


class SpyneSchema(ServiceBase):
    @rpc(Unicode, AnyXml, _returns=AnyXml)
    def wrap(ctx, label, payload):
        """Returns <box:box label=".."> holding a copy of the payload's element."""
        box = etree.Element("{%s}box" % BOX, label=label or "")
        if payload is not None:
            box.append(etree.fromstring(etree.tostring(payload)))
        return box

    @rpc(Unicode, _returns=Parcel)
    def make_parcel(ctx, label):
        note = etree.Element("{%s}note" % BOX)
        note.text = "inside " + label
        return Parcel(label=label, extra=note)

    @rpc(Parcel, _returns=Unicode)
    def read_parcel(ctx, parcel):
        extra = parcel.extra
        return "%s: %s=%s" % (parcel.label, etree.QName(extra).localname if extra is not None else None,
                              extra.text if extra is not None else None)

    @rpc(Unicode, _returns=Unicode, _in_header=(AuthHeader,), _out_header=(TraceHeader,))
    def whoami(ctx, greeting):
        auth = ctx.in_header
        if auth is None or auth.token != "secret":
            raise Fault("Client.Auth", "no valid AuthHeader")
        ctx.out_header = TraceHeader(trace_id="trace-" + auth.user)
        return "%s, %s" % (greeting, auth.user)

    @rpc(Unicode, _returns=Animal)
    def adopt(ctx, kind):
        if kind == "dog":
            return Dog(name="Rex", breed="Lab")
        if kind == "cat":
            return Cat(name="Tom", lives=9)
        return Animal(name="Generic")

    @rpc(Animal, _returns=Unicode)
    def describe_animal(ctx, animal):
        extra = getattr(animal, "breed", None) or getattr(animal, "lives", None)
        return "%s %s %s" % (type(animal).__name__, animal.name, extra)

    @rpc(Dog, Cat, _returns=Unicode)
    def pair(ctx, dog, cat):
        return "%s&%s" % (dog.name, cat.name)


application = Application([SpyneSchema], tns=TNS, in_protocol=Soap11(validator="lxml"), out_protocol=Soap11(polymorphic=True))

if __name__ == "__main__":
    serve(application)
