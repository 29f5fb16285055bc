package dev.multidb.codegen;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Writes the {@code Forwarding<Interface>} classes that {@link Forwarding} asks for: one template, the method
 * body {@code return target.m(a0, a1, ...);}, applied to every method of the interface.
 */
@SupportedAnnotationTypes({"dev.multidb.codegen.Forwarding", "dev.multidb.codegen.Forwarding.List"})
public final class ForwardingProcessor extends AbstractProcessor {

    private static final String FORWARDING = Forwarding.class.getCanonicalName();
    private static final String LIST = Forwarding.List.class.getCanonicalName();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof PackageElement pkg) {
                    for (Request request : requested(pkg)) {
                        write(pkg, request);
                    }
                }
            }
        }
        return true;
    }

    private record Request(TypeElement iface, boolean fluent) {
    }

    /** The interfaces named by the package's {@link Forwarding} annotations, repeated or not. */
    private List<Request> requested(PackageElement pkg) {
        List<Request> requests = new ArrayList<>();
        for (AnnotationMirror mirror : pkg.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.equals(FORWARDING)) {
                requests.add(request(mirror, pkg));
            } else if (name.equals(LIST)) {
                for (Object nested : (List<?>) value(mirror).getValue()) {
                    requests.add(request((AnnotationMirror) ((AnnotationValue) nested).getValue(), pkg));
                }
            }
        }
        requests.removeIf(request -> request == null);
        return requests;
    }

    private Request request(AnnotationMirror mirror, PackageElement pkg) {
        TypeElement iface = interfaceOf(mirror, pkg);
        if (iface == null) {
            return null;
        }
        boolean fluent = false;
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("fluent")) {
                fluent = (Boolean) entry.getValue().getValue();
            }
        }
        return new Request(iface, fluent);
    }

    private static AnnotationValue value(AnnotationMirror mirror) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("value")) {
                return entry.getValue();
            }
        }
        throw new IllegalStateException("@" + mirror.getAnnotationType() + " without a value");
    }

    private TypeElement interfaceOf(AnnotationMirror mirror, PackageElement pkg) {
        TypeElement type = (TypeElement) ((DeclaredType) value(mirror).getValue()).asElement();
        if (type.getKind() != ElementKind.INTERFACE) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "@Forwarding(" + type.getQualifiedName() + ".class): not an interface; only interfaces are"
                            + " forwarded", pkg);
            return null;
        }
        return type;
    }

    private void write(PackageElement pkg, Request request) {
        TypeElement iface = request.iface();
        String simpleName = "Forwarding" + iface.getSimpleName();
        String qualified = pkg.getQualifiedName() + "." + simpleName;
        String typeParameters = iface.getTypeParameters().isEmpty() ? ""
                : iface.getTypeParameters().stream().map(ForwardingProcessor::typeParameter)
                        .collect(Collectors.joining(", ", "<", ">"));
        String typeArguments = iface.getTypeParameters().isEmpty() ? ""
                : iface.getTypeParameters().stream().map(p -> p.getSimpleName().toString())
                        .collect(Collectors.joining(", ", "<", ">"));
        String type = iface.getQualifiedName() + typeArguments;
        StringBuilder out = new StringBuilder();
        out.append("package ").append(pkg.getQualifiedName()).append(";\n\n")
                .append("/**\n * Forwards every method of {@link ").append(iface.getQualifiedName())
                .append("} to {@link #target}").append(request.fluent() ? "; its fluent setters return this" : "")
                .append(". Generated by {@code ").append(getClass().getName()).append("}: do not edit.\n */\n")
                .append("@javax.annotation.processing.Generated(\"").append(getClass().getName()).append("\")\n")
                .append("abstract class ").append(simpleName).append(typeParameters).append(" implements ")
                .append(type).append(" {\n\n")
                .append("    /** Where every call goes. */\n")
                .append("    protected final ").append(type).append(" target;\n\n")
                .append("    protected ").append(simpleName).append("(").append(type)
                .append(" target) {\n        this.target = target;\n    }\n");
        DeclaredType ifaceType = (DeclaredType) iface.asType();
        for (ExecutableElement method : methods(iface)) {
            ExecutableType member = (ExecutableType) processingEnv.getTypeUtils().asMemberOf(ifaceType, method);
            boolean returnsThis = request.fluent() && member.getReturnType().getKind() == TypeKind.DECLARED
                    && ((DeclaredType) member.getReturnType()).asElement().getKind() == ElementKind.INTERFACE
                    && processingEnv.getTypeUtils().isAssignable(processingEnv.getTypeUtils().erasure(ifaceType),
                    processingEnv.getTypeUtils().erasure(member.getReturnType()));
            out.append('\n');
            appendMethod(out, method, member, returnsThis);
        }
        out.append("}\n");
        try (Writer writer = processingEnv.getFiler().createSourceFile(qualified, pkg).openWriter()) {
            writer.write(out.toString());
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Cannot write " + qualified + ": " + e.getMessage(), pkg);
        }
    }

    /** Every instance method of the interface, inherited ones included, each signature once. */
    private List<ExecutableElement> methods(TypeElement iface) {
        List<ExecutableElement> methods = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        for (ExecutableElement method : ElementFilter.methodsIn(processingEnv.getElementUtils().getAllMembers(iface))) {
            Set<Modifier> modifiers = method.getModifiers();
            boolean ofInterface = method.getEnclosingElement().getKind() == ElementKind.INTERFACE;
            if (!ofInterface || modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)) {
                continue;
            }
            String signature = method.getSimpleName() + method.getParameters().stream()
                    .map(p -> processingEnv.getTypeUtils().erasure(p.asType()).toString())
                    .collect(Collectors.joining(",", "(", ")"));
            if (signatures.add(signature)) {
                methods.add(method);
            }
        }
        methods.sort((a, b) -> (a.getSimpleName() + a.getParameters().toString())
                .compareTo(b.getSimpleName() + b.getParameters().toString()));
        return methods;
    }

    private static void appendMethod(StringBuilder out, ExecutableElement method, ExecutableType member,
                                     boolean returnsThis) {
        out.append("    @Override\n    public ");
        if (!method.getTypeParameters().isEmpty()) {
            out.append(method.getTypeParameters().stream().map(ForwardingProcessor::typeParameter)
                    .collect(Collectors.joining(", ", "<", "> ")));
        }
        out.append(member.getReturnType()).append(' ').append(method.getSimpleName()).append('(');
        int count = member.getParameterTypes().size();
        List<String> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TypeMirror type = member.getParameterTypes().get(i);
            boolean varArgs = method.isVarArgs() && i == count - 1;
            out.append(i == 0 ? "" : ", ")
                    .append(varArgs ? ((ArrayType) type).getComponentType() + "..." : type.toString())
                    .append(" a").append(i);
            arguments.add("a" + i);
        }
        out.append(')');
        if (!member.getThrownTypes().isEmpty()) {
            out.append(member.getThrownTypes().stream().map(TypeMirror::toString)
                    .collect(Collectors.joining(", ", " throws ", "")));
        }
        String call = "target." + method.getSimpleName() + "(" + String.join(", ", arguments) + ");";
        if (returnsThis) {
            out.append(" {\n        ").append(call).append("\n        return this;\n    }\n");
        } else {
            out.append(" {\n        ").append(member.getReturnType().getKind() == TypeKind.VOID ? "" : "return ")
                    .append(call).append("\n    }\n");
        }
    }

    private static String typeParameter(TypeParameterElement parameter) {
        List<? extends TypeMirror> bounds = parameter.getBounds();
        boolean onlyObject = bounds.size() == 1 && bounds.get(0).toString().equals("java.lang.Object");
        return parameter.getSimpleName() + (bounds.isEmpty() || onlyObject ? ""
                : bounds.stream().map(TypeMirror::toString).collect(Collectors.joining(" & ", " extends ", "")));
    }
}
