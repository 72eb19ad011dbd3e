namespace SoapMiddleware.Model;

/// <summary>
/// The rules both XML readers apply to <see cref="RpcMember.IsAttribute"/> members, in one place so the tree reader
/// and the stream reader accept and refuse the same attributes with the same messages. An attribute is read before
/// the element's children (it comes first in the document), is named <c>@Name</c> in error paths, and is never nil.
/// </summary>
internal static class AttributeMembers
{
    /// <summary>The path segment of an attribute member: <c>@Name</c>.</summary>
    public static string Segment(RpcMember member) => "@" + member.Name;

    /// <summary>Parses and checks an attribute's text, as element text is parsed and checked.</summary>
    public static object Read(string text, RpcMember member)
    {
        try
        {
            var value = XmlModelReader.Parse(text, member.Type);
            if (member.Constraints is { } constraints && constraints.Validate(value, text) is { } error)
            {
                throw new ModelReadException(error);
            }

            return value;
        }
        catch (ModelReadException ex)
        {
            throw ex.Prepend(Segment(member));
        }
    }

    /// <summary>The error for a required member left out: an element (minOccurs) or an attribute (use).</summary>
    public static ModelReadException Missing(RpcMember member)
        => member.IsAttribute
            ? ModelReadException.At(Segment(member), "the required attribute is missing (use=\"required\").")
            : ModelReadException.MissingElement(member.Name);
}
